// Input checks for the command line's own flags, done before any AWS call. The values of options (src/options/) are
// parsed by src/core/parse.ts.
import { UsageError } from '../core/errors.js';
import { bundleIdList } from '../core/parse.js';

/** check --bundle: WorkSpaces bundle ids (wsb-…, used with --directory), or a support bundle file to analyze. */
export interface BundleArgument {
  ids: string[];
  file?: string;
}

export function bundleIdsOrFile(value: string, previous: BundleArgument = { ids: [] }): BundleArgument {
  // A path has a dot or a slash in practice (bundle.json, ./case/b); a bare wsb-… is meant as bundle ids.
  if (/^wsb-/.test(value) && !/[./\\]/.test(value)) return { ...previous, ids: bundleIdList(value, previous.ids) };
  if (previous.file) throw new UsageError(`--bundle: one bundle file at a time, not ${previous.file} and ${value}`);
  return { ...previous, file: value };
}

/**
 * The SDK reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself; a malformed one would surface as an
 * "UnknownError" on every call, so it is checked, naming the variable, before any.
 */
export function checkEndpointEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return;
  for (const [name, value] of Object.entries(env)) {
    if (value && /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(name)) endpointUrl(value, name);
  }
}

export function endpointUrl(value: string, from = '--endpoint-url'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${from} "${value}" is not a URL (e.g. http://127.0.0.1:5000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${from} must be http or https, not ${url.protocol}`);
  }
  return value;
}

/** One extra report of a run: `--report junit=out.xml`. */
export interface ReportSpec<F extends string = string> {
  format: F;
  path: string;
}

export function reportSpec<F extends string>(formats: readonly F[]) {
  return (value: string, previous: ReportSpec<F>[] = []): ReportSpec<F>[] => {
    const at = value.indexOf('=');
    const format = value.slice(0, Math.max(at, 0));
    const path = value.slice(at + 1);
    if (at < 1 || !path) {
      throw new UsageError(`--report "${value}": expected FORMAT=FILE, e.g. --report junit=wsdoctor.xml`);
    }
    if (!(formats as readonly string[]).includes(format)) {
      throw new UsageError(`--report "${value}": unknown format "${format}" (use ${formats.join(', ')})`);
    }
    return [...previous, { format: format as F, path }];
  };
}
