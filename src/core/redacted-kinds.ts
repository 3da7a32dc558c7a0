// The kinds of identifying values a redacted bundle replaces by placeholders. Facts and options say which of their
// fields hold one (src/facts/define.ts, src/core/option.ts); src/bundle/redact.ts does the replacing.
export const REDACTED_KINDS = [
  'accountId',
  'arn',
  'username',
  'directoryId',
  'workspaceId',
  'domain',
  'netbiosName',
  'alias',
  'hostname',
  'publicIp',
] as const;

export type RedactedKind = (typeof REDACTED_KINDS)[number];
