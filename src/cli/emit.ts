// Where a finished report goes: rendered in the chosen format to stdout, or to --output written whole.
import { renderJson } from '../report/json.js';
import type { Report } from '../report/model.js';
import { renderText } from '../report/text.js';
import { writeFileAtomic } from './output.js';

export interface EmitOptions {
  format: 'text' | 'json';
  output?: string;
}

export async function emitReport(report: Report, options: EmitOptions): Promise<void> {
  const toTerminal = !options.output && process.stdout.isTTY === true;
  const rendered =
    options.format === 'json' ? renderJson(report) : renderText(report, { color: toTerminal && useColor() });
  if (options.output) await writeFileAtomic(options.output, rendered);
  else process.stdout.write(rendered);
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR === '0') return false;
  return true;
}
