// Everything wsdoctor says on stderr goes through here: one prefixed line, with any known secret redacted.
import { redact } from '../core/secrets.js';

export function printError(message: string): void {
  process.stderr.write(redact(`wsdoctor: ${message}\n`));
}
