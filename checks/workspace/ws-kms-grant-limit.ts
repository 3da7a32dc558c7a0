/**
 * D8 ws-kms-grant-limit: does any KMS key encrypt (or, with --planned and --kms-key, is about to encrypt) more than
 * the 500 WorkSpaces a key can serve? Every directory of the Region is counted: the limit is per key, not per
 * directory ("This limit is due to the Grants per grantee principal quota in AWS KMS").
 * - FAIL: more than 500 (launches on the key fail with "The specified key is not available").
 * - WARN: 450 or more [derived: a tenth of the limit left].
 * - PASS: fewer.
 * - SKIP: no WorkSpace in scope is encrypted and no --kms-key was given.
 * The same key named differently (key id, ARN, alias) is counted once where KMS said they are one key.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import keyWorkspaceCounts from '../../src/facts/kms/key-workspace-counts.js';
import kmsKeys, { encryptionKeyOf } from '../../src/facts/kms/kms-keys.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import kmsKey from '../../src/options/kms-key.js';
import planned from '../../src/options/planned.js';

/** "There is a limit of 500 WorkSpaces per CMK." */
export const WORKSPACES_PER_KEY = 500;
const WARN_AT = 450;

export default defineCheck({
  meta: {
    id: 'ws-kms-grant-limit',
    catalogId: 'D8',
    title: 'No KMS key encrypts more than the 500 WorkSpaces it can serve',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'encryption', 'kms', 'capacity'],
    description:
      "Counts the WorkSpaces each KMS key in use encrypts across all the Region's directories (and, with --planned N and --kms-key, the WorkSpaces about to be launched on it) against the limit of 500 per key.",
    rationale:
      '"There is a limit of 500 WorkSpaces per CMK", from the KMS Grants per grantee principal quota: past it, encrypted launches fail with "The specified key is not available. Please provide a valid key for encryption."',
    finds: 'a KMS key encrypting more than 500 WorkSpaces in the Region, counting --planned launches on --kms-key (fail), or 450 and more (warn)',
    facts: [workspaces, keyWorkspaceCounts],
    optionalFacts: [kmsKeys],
    options: [planned, kmsKey],
    remediation: {
      summary: 'Create another KMS key for every 500 WorkSpaces, and launch the next WorkSpaces with it.',
      steps: [
        'There is a limit of 500 WorkSpaces per KMS key, due to the "Grants per grantee principal" quota in AWS KMS.',
        'When you are encrypting WorkSpaces, create a key for every 500 WorkSpaces: for example, if you are encrypting 850 WorkSpaces, create two keys.',
        'If you are trying to launch encrypted WorkSpaces and receive "The specified key is not available. Please provide a valid key for encryption", the Grants per grantee principal quota for the existing key has been reached.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Encrypted WorkSpaces', lines: '4859-4900' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html',
    },
  },

  analyze({ workspaces, keyWorkspaceCounts, kmsKeys }, { option }) {
    const plannedKey = option(kmsKey);
    const plannedCount = option(planned) ?? 0;
    const inScope = [...new Set(workspaces.flatMap((w) => encryptionKeyOf(w) ?? []))];
    const judged = [...new Set([...inScope, ...(plannedKey ? [plannedKey] : [])])];
    if (judged.length === 0) {
      return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace in scope is encrypted, and no --kms-key was given.' }];
    }
    // Every name KMS gave for one key (the name used, its id, its ARN) stands for that key.
    const identity = (name: string): string => {
      const described = kmsKeys?.find((k) => k.key === name || k.metadata?.KeyId === name || k.metadata?.Arn === name)?.metadata;
      return described?.KeyId ?? name;
    };
    const totals = new Map<string, { total: number; byDirectory: Record<string, number> }>();
    for (const { key, byDirectory } of keyWorkspaceCounts.keys) {
      const id = identity(key);
      const entry = totals.get(id) ?? { total: 0, byDirectory: {} };
      for (const { DirectoryId, workspaces: n } of byDirectory) {
        entry.byDirectory[DirectoryId] = (entry.byDirectory[DirectoryId] ?? 0) + n;
        entry.total += n;
      }
      totals.set(id, entry);
    }
    const seen = new Set<string>();
    const findings: FindingDraft[] = [];
    for (const name of judged) {
      const id = identity(name);
      if (seen.has(id)) continue;
      seen.add(id);
      const { total, byDirectory } = totals.get(id) ?? { total: 0, byDirectory: {} };
      const adding = plannedKey && identity(plannedKey) === id ? plannedCount : 0;
      const after = total + adding;
      const where = Object.entries(byDirectory).map(([d, n]) => `${n} in ${d}`).join(', ') || 'none yet';
      const counted = `KMS key ${name} encrypts ${total} WorkSpace${total === 1 ? '' : 's'} in the Region (${where})${adding ? ` and ${adding} more are planned on it (--planned)` : ''}`;
      const evidence = {
        key: name,
        workspaces: total,
        planned: adding,
        byDirectory: Object.entries(byDirectory).map(([directoryId, n]) => ({ directoryId, workspaces: n })),
        limit: WORKSPACES_PER_KEY,
        directoriesCounted: keyWorkspaceCounts.directories.length,
      };
      if (after > WORKSPACES_PER_KEY) {
        findings.push({ status: 'fail', resource: name, message: `${counted}: ${after}, more than the ${WORKSPACES_PER_KEY} a key can serve. Launches on it fail with "The specified key is not available"; create another key for the next WorkSpaces.`, evidence });
      } else if (after >= WARN_AT) {
        findings.push({ status: 'warn', resource: name, message: `${counted}: ${after} of the ${WORKSPACES_PER_KEY} a key can serve. Create another key before the next ${WORKSPACES_PER_KEY - after + 1} launches.`, evidence });
      } else {
        const hint = plannedCount && !plannedKey ? ' (--planned counts against a key only when --kms-key names it)' : '';
        findings.push({ status: 'pass', resource: name, message: `${counted}: ${after} of the ${WORKSPACES_PER_KEY} a key can serve${hint}.`, evidence });
      }
    }
    return findings;
  },
});
