// Why a fact could not be had, and how whatever a collector threw becomes that reason: a denied call names the IAM
// action, throttling and timeouts say so, and nothing is ever mistaken for "looked and found nothing wrong".
import { RunStopped } from './stop.js';

/**
 * Why a fact could not be collected. `kind` decides the wording; `credentials` and `target-not-found` make the whole
 * run an input error (exit 2): a report about a target that does not exist, or without credentials, says nothing.
 * `unknown-until-apply` and `offline` are not failures to look but limits of a plan: the checks that need the fact
 * skip, saying which.
 */
export type FactFailureKind =
  | 'denied'
  | 'throttled'
  | 'timeout'
  | 'interrupted'
  | 'unreachable'
  | 'credentials'
  | 'target-not-found'
  | 'not-found'
  | 'not-applicable'
  | 'dependency'
  | 'error'
  // A planned fact whose value is known only after apply (src/core/unknown.ts): the checks that need it skip.
  | 'unknown-until-apply'
  // A fact that needs AWS, in a run told to stay offline (--offline): the checks that need it skip, saying so.
  | 'offline';

export interface FactFailure {
  kind: FactFailureKind;
  message: string;
  /** For `denied`: the IAM action the caller lacks, e.g. "ec2:DescribeRouteTables". */
  iamAction?: string;
  /** The AWS error code or Node error code behind it. */
  code?: string;
  /** For a call that could not reach AWS: the endpoint it was sent to, e.g. https://ec2.us-east-1.amazonaws.com. */
  endpoint?: string;
}

/** What settling a fact gave: its value, or why there is none. Facts are stored (and saved in bundles) by name. */
export type FactOutcome<T = unknown> = { ok: true; value: T } | { ok: false; failure: FactFailure };

/** What the offline clients (src/aws/offline.ts) throw for any AWS call; the fact store names the fact instead. */
export const OFFLINE_CALL = 'no AWS call is made with --offline';

/** Thrown by collectors for conditions they understand (e.g. "the directory does not exist"). */
export class FactError extends Error {
  constructor(readonly failure: FactFailure) {
    super(failure.message);
    this.name = 'FactError';
  }
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'NotAuthorized',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'EC2ThrottledException',
  'SlowDown',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ETIMEOUT']);
/** Node's codes for a certificate it does not trust: what a TLS-inspecting proxy's own CA looks like without a bundle. */
const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

interface ErrorLike {
  name?: string;
  /** Where the call was going (src/aws/replies.ts sets it). */
  endpoint?: string;
  code?: string;
  message?: string;
  iamAction?: string;
  failure?: FactFailure;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $retryable?: { throttling?: boolean };
}

/** The hint the SDK appends to a reply it could not parse (@smithy/core's deserializer middleware). */
const SDK_PARSE_HINT = /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/;

export function toFactFailure(thrown: unknown): FactFailure {
  if (thrown instanceof FactError) return thrown.failure;
  if (thrown instanceof RunStopped) return { kind: thrown.kind, message: thrown.message };
  const error = (thrown && typeof thrown === 'object' ? thrown : { message: String(thrown) }) as ErrorLike;
  const name = error.name ?? 'Error';
  const code = error.code && error.code !== name ? error.code : undefined;
  const message = oneLine(error.message ?? name);
  const action = error.iamAction;
  const attempts = error.$metadata?.attempts;
  const on = action ? ` on ${action}` : '';
  const endpoint = typeof error.endpoint === 'string' && error.endpoint.includes('//') ? { endpoint: error.endpoint } : {};

  if (name === 'MutatingCallRefused') return { kind: 'error', message, code: name };
  // The SDK could not parse what came back ("Unexpected token '<'" and a hint about {error}.$response, a field no
  // user can inspect): an answer that is not AWS's, said as such, so the fix talks about proxies and endpoints.
  // (An HTTP 403 whose body the SDK could not parse is still a refusal: an HTML page from a proxy is caught before the
  // SDK sees it, so what is left is an error document in another protocol, e.g. an XML AccessDenied where the service
  // speaks JSON. It is judged as denied, below.)
  if (SDK_PARSE_HINT.test(message) && error.$metadata?.httpStatusCode !== 403) {
    const detail = message.replace(SDK_PARSE_HINT, '').replace(/[\s.:]+$/, '');
    const from = 'endpoint' in endpoint ? ` from ${endpoint.endpoint}` : '';
    return {
      kind: 'error',
      code: 'NotAnAwsReply',
      ...(action ? { iamAction: action } : {}),
      ...endpoint,
      message: `${action ?? 'an AWS call'} got a reply${from} that is not a readable AWS answer (${detail || name}): a proxy, a captive portal or a wrong endpoint?`,
    };
  }
  // Something answered, and it was not AWS (src/aws/replies.ts): the message says what and from where.
  if (name === 'NotAnAwsReply') return { kind: 'error', code: name, ...(action ? { iamAction: action } : {}), ...endpoint, message };
  if (DENIED.has(name) || error.$metadata?.httpStatusCode === 403 && !CREDENTIALS.has(name)) {
    return {
      kind: 'denied',
      code: name,
      ...(action ? { iamAction: action } : {}),
      message: action
        ? `access denied: the caller lacks the IAM permission ${action}`
        : `access denied: ${message}`,
    };
  }
  if (THROTTLED.has(name) || error.$retryable?.throttling || error.$metadata?.httpStatusCode === 429) {
    return {
      kind: 'throttled',
      code: name,
      ...(action ? { iamAction: action } : {}),
      message: `throttled${on}${attempts ? ` after ${attempts} attempts` : ''}: ${message}`,
    };
  }
  if (CREDENTIALS.has(name)) {
    return { kind: 'credentials', code: name, message: `AWS credentials problem: ${message}` };
  }
  if (code && UNTRUSTED_CERTIFICATE.has(code)) {
    return {
      kind: 'unreachable',
      code,
      ...(action ? { iamAction: action } : {}),
      message:
        `the endpoint's TLS certificate is not trusted${on}: ${message} (${code}); behind a TLS-inspecting proxy, set ` +
        'AWS_CA_BUNDLE (or ca_bundle in the AWS profile) to a PEM file with its CA certificate',
    };
  }
  // Before timeouts: the SDK's HTTP handler renames a reset connection "TimeoutError", but its code tells the truth.
  if (code && UNREACHABLE.has(code)) {
    const what = code === 'ECONNRESET' || code === 'EPIPE' ? 'the endpoint dropped the connection' : 'could not reach the endpoint';
    return { kind: 'unreachable', code, ...(action ? { iamAction: action } : {}), ...endpoint, message: `${what}${on}: ${message}${message.includes(code) ? '' : ` (${code})`}` };
  }
  if (TIMEOUT.has(name) || (code && TIMEOUT.has(code)) || name === 'AbortError') {
    return { kind: 'timeout', code: code ?? name, ...(action ? { iamAction: action } : {}), ...endpoint, message: `timed out${on}: ${message}` };
  }
  return {
    kind: 'error',
    code: code ?? name,
    ...(action ? { iamAction: action } : {}),
    message: `${action ? `${action} failed: ` : ''}${name !== 'Error' && !message.startsWith(name) ? `${name}: ` : ''}${message}`,
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
