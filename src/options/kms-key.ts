// The AWS KMS key WorkSpaces about to be launched will be encrypted with (--before launch): looked at as the
// WorkSpaces' own keys are (ws-kms-key-usable), and counted against the key's 500-WorkSpace limit with --planned
// (ws-kms-grant-limit). Any form WorkSpaces takes is accepted here — key id, key ARN, alias/…, alias ARN — and a form it
// does not take (a bare "aws/workspaces") is for the check to explain, not for the parser to refuse.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--kms-key <key>',
  key: 'kmsKeyId',
  section: 'options',
  kind: 'string',
  help: 'with --before launch: the KMS key the new WorkSpaces will be encrypted with (key id, ARN or alias/…)',
  parse: (value: string) => {
    // KMS key identifiers are at most 2048 characters, none of them blank or a control character.
    if (value.length === 0 || value.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(value)) {
      throw new UsageError('--kms-key must be a KMS key id, key ARN or alias (alias/…), without spaces');
    }
    return value;
  },
});
