// A bundle that says it is redacted must be: its manifest is only a claim, and a hand-made one on a bundle full of
// account ids would have reports call it "redacted (identifiers are placeholders)". This looks at the content the
// way the redactor does (the fields that name identifiers, the shapes of ids, ARNs and addresses anywhere) and counts
// what is not a placeholder, a value redaction keeps, or a name AWS defines.
import type { RedactedKind } from '../core/redacted-kinds.js';
import {
  ANY_SHAPE,
  ARN,
  AWS_DEFINED_NAMES,
  AWS_PUBLISHED_ADDRESSES,
  EC2_PUBLIC_NAME,
  kindsFrom,
  RESOURCE_ID,
  visitStrings,
  WHOLE_SHAPE,
  type RedactionRules,
} from './redact.js';
import { isKeptOrPlaceholderAddress } from './redact-addresses.js';
import type { Bundle } from './schema.js';

/** What each kind's placeholders look like (redact.ts PLACEHOLDER, for the first million of each). */
export const PLACEHOLDER_FORMS: Record<Exclude<RedactedKind, 'publicIp'>, RegExp> = {
  accountId: /^0{6}\d{6}$/,
  arn: /^redacted-\d{1,7}$/,
  directoryId: /^d-0{4}[0-9a-f]{6}$/,
  workspaceId: /^ws-0{4}[0-9a-z]{5}$/,
  username: /^user-\d{1,7}$/,
  domain: /^domain-\d{1,7}\.example$/,
  netbiosName: /^DOMAIN\d{1,7}$/,
  alias: /^alias-\d{1,7}$/,
  hostname: /^host-\d{1,7}$/,
};

const isPlaceholder = (text: string) => Object.values(PLACEHOLDER_FORMS).some((form) => form.test(text));
const isKeptAddress = (text: string) => AWS_PUBLISHED_ADDRESSES.has(text) || isKeptOrPlaceholderAddress(text);

/** The identifiers a bundle claiming to be redacted still holds, by kind (distinct values); empty when none. */
export function unredactedIdentifiers(bundle: Bundle, rules: RedactionRules): Partial<Record<RedactedKind, number>> {
  const { bundleSchemaVersion: _v, tool: _t, region: _r, collectedAt: _c, durationMs: _d, redaction: _m, ...identifying } = bundle;
  const found = new Map<RedactedKind, Set<string>>();
  const add = (kind: RedactedKind, value: string) => {
    if (!found.has(kind)) found.set(kind, new Set());
    found.get(kind)!.add(value);
  };
  visitStrings(identifying, [], kindsFrom(rules), (text, kind) => {
    // A field that names an identifier is replaced whole (by a placeholder of whichever kind the value was first
    // seen as), unless the value has a shape of its own, judged below.
    if (kind && text.trim() && !WHOLE_SHAPE.some(([, p]) => p.test(text)) && !isPlaceholder(text)) add(kind, text);
    for (const [match] of text.matchAll(ANY_SHAPE)) {
      const shape = WHOLE_SHAPE.find(([, p]) => p.test(match))?.[0];
      if (shape === 'arn') {
        const [, , , , account, resource = ''] = ARN.exec(match)!;
        const name = resource.slice((/[/:]/.exec(resource)?.index ?? -1) + 1);
        if (account && !PLACEHOLDER_FORMS.accountId.test(account)) add('accountId', account);
        const chosenByAws = AWS_DEFINED_NAMES.has(name) || resource.startsWith('aws-service-role/') || RESOURCE_ID.test(name) || /^[*?]*$/.test(name);
        if (!chosenByAws && !PLACEHOLDER_FORMS.arn.test(name) && !isPlaceholder(name)) add('arn', match);
      } else if (shape === 'ec2Name') {
        const address = EC2_PUBLIC_NAME.exec(match)!.slice(1, 5).join('.');
        if (!isKeptAddress(address)) add('publicIp', address);
      } else if (shape === 'publicIp') {
        if (!isKeptAddress(match)) add('publicIp', match);
      } else if (shape && !PLACEHOLDER_FORMS[shape].test(match)) {
        add(shape, match);
      }
    }
  });
  return Object.fromEntries([...found].map(([kind, values]) => [kind, values.size]));
}
