// The human report of a fleet-wide run: a header for the run, then one section per target — a rule naming the
// target, its account and Region, then that target's own text report (text.ts, unchanged) — then a table of the
// targets, worst first, and a summary across all of them. What could not be looked at gets a section too, with why
// and what to do. Sections come worst first, so what needs action is at the top.
import { Chalk } from 'chalk';
import type { Status } from '../engine/types.js';
import { asReport, byWorst, unreachedSteps, whereOf, type FleetReport, type TargetReport } from './fleet-model.js';
import { plainText } from './model.js';
import { renderText, type TextOptions } from './text.js';

const LABEL: Record<Status, string> = { fail: 'FAIL', error: 'ERROR', warn: 'WARN', pass: 'PASS', skip: 'SKIP' };

export function renderFleetText(report: FleetReport, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = {
    fail: c.red.bold,
    error: c.magenta.bold,
    warn: c.yellow.bold,
    pass: c.green,
    skip: c.gray,
  };
  const targets = byWorst(report.targets);
  const out: string[] = [];
  out.push(`${c.bold(`wsdoctor ${report.tool.version}`)} — fleet-wide run: ${scopeLine(report)}, ${report.startedAt}`);
  if (report.bundle) {
    const b = report.bundle;
    out.push(c.dim(`From a bundle collected by ${b.collectedBy.name} ${b.collectedBy.version}${b.redacted ? ', redacted (identifiers are placeholders)' : ''}${b.note ? ` — note: ${plainText(b.note)}` : ''}`));
  }
  for (const skipped of report.skipped) out.push(c.dim(`Skipped ${plainText(skipped.what)}: ${plainText(skipped.reason)}`));
  out.push('');

  for (const target of targets) {
    out.push(c.bold(`━━ ${paint[target.status](LABEL[target.status])} · ${plainText(whereOf(target))} ━━`));
    if (target.error) {
      out.push(`${paint.error('ERROR')} ${plainText(target.error.message)}`);
      out.push(`      ${c.bold('To do:')}`);
      unreachedSteps(target).forEach((step, i) => out.push(`         ${i + 1}. ${plainText(step)}`));
      out.push('');
    } else {
      out.push(renderText(asReport(report, target), options));
    }
  }

  out.push(c.bold('Targets, worst first:'));
  const rows = targets.map((t) => [LABEL[t.status], plainText(whereOf(t)), counts(t)]);
  const width = Math.max(...rows.map((r) => r[1]!.length), 6);
  out.push(`  ${'STATUS'.padEnd(6)}  ${'TARGET'.padEnd(width)}  FAIL ERROR WARN PASS SKIP`);
  for (const [i, t] of targets.entries()) {
    const [label, where, numbers] = rows[i]!;
    out.push(`  ${paint[t.status](label!.padEnd(6))}  ${where!.padEnd(width)}  ${numbers}`);
  }
  out.push('');
  const t = report.summary.targets;
  const r = report.summary.results;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `${c.bold('Summary:')} ${plural(targets.length, 'target')}: ${paint.fail(`${t.fail} failed`)}, ${paint.error(plural(t.error, 'error'))}, ` +
      `${paint.warn(plural(t.warn, 'warning'))}, ${paint.pass(`${t.pass} passed`)}, ${paint.skip(`${t.skip} skipped`)} · ` +
      `results: ${r.fail} failed, ${plural(r.error, 'error')}, ${plural(r.warn, 'warning')}, ${r.pass} passed, ${r.skip} skipped ` +
      `in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return `${out.join('\n')}\n`;
}

/** "12 targets in 2 accounts (111…, 222…) and 3 Regions (…)". */
export function scopeLine(report: FleetReport): string {
  const list = (items: readonly string[], word: string) =>
    `${items.length} ${word}${items.length === 1 ? '' : 's'}${items.length ? ` (${items.map(plainText).join(', ')})` : ''}`;
  return `${report.targets.filter((t) => !t.error).length} targets (${report.scopes.join(', ')}) in ${list(report.accounts, 'account')} and ${list(report.regions, 'Region')}`;
}

function counts(target: TargetReport): string {
  if (target.error) return `could not look: ${plainText(target.error.message).slice(0, 120)}`;
  const s = target.summary;
  return [s.fail, s.error, s.warn, s.pass, s.skip].map((n, i) => String(n).padStart(i === 1 ? 5 : 4)).join(' ');
}
