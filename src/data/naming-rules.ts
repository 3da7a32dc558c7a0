// Naming rules the guides give (catalog table T19): Amazon Linux user names and tags.
import { GUIDES, type RowSource } from './sources.js';

/**
 * "For Amazon Linux WorkSpaces, user names: Can contain a maximum of 20 characters; Can contain letters, spaces, and
 * numbers that are representable in UTF-8; Can include the following special characters: _.-#; Cannot begin with a
 * dash symbol (-)" (001 lines 129-138; 002 lines 8074-8085). Windows WorkSpaces are exempt.
 * Returns what is wrong with `name`, or nothing.
 */
export function linuxUserNameProblems(name: string): string[] {
  const problems: string[] = [];
  const characters = [...name];
  if (characters.length > 20) problems.push(`it has ${characters.length} characters, more than 20`);
  const bad = [...new Set(characters.filter((c) => !/^[\p{L}\p{N} _.#-]$/u.test(c)))];
  if (bad.length) problems.push(`it contains ${bad.map((c) => JSON.stringify(c)).join(', ')}, which only letters, spaces, numbers and _ . - # may be`);
  if (name.startsWith('-')) problems.push('it begins with a dash');
  return problems;
}
export const LINUX_USER_NAME_SOURCE: RowSource = { guide: GUIDES.adminGuide, lines: '8074-8085' };

/** "Tag Restrictions" (002 lines 4722-4730). */
export const TAG_RULES = {
  maxTags: 50,
  maxKeyLength: 127,
  maxValueLength: 255,
  source: { guide: GUIDES.adminGuide, lines: '4722-4730' } as RowSource,
} as const;

/** What breaks the guide's tag restrictions in one tag (key and value counted in Unicode characters). */
export function tagProblems(key: string, value: string): string[] {
  const problems: string[] = [];
  const allowed = /^[\p{L}\p{Z}\p{N}+\-=._:/@]*$/u;
  if ([...key].length > TAG_RULES.maxKeyLength) problems.push(`its key has ${[...key].length} characters, more than ${TAG_RULES.maxKeyLength}`);
  if ([...value].length > TAG_RULES.maxValueLength) problems.push(`its value has ${[...value].length} characters, more than ${TAG_RULES.maxValueLength}`);
  for (const [part, text] of [['key', key], ['value', value]] as const) {
    if (!allowed.test(text)) problems.push(`its ${part} has characters other than letters, spaces, numbers and + - = . _ : / @`);
    if (text !== text.trim()) problems.push(`its ${part} has leading or trailing spaces`);
  }
  // "Do not use the "aws:" or "aws:workspaces:" prefixes in your tag names or values because they are reserved for
  // AWS use." AWS itself sets some (aws:cloudformation:stack-name on what a stack creates): those are not the user's.
  if (/^aws:/i.test(key) && !AWS_SET_TAG_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix))) {
    problems.push(`its key starts with the reserved "${/^aws:workspaces:/i.test(key) ? 'aws:workspaces:' : 'aws:'}" prefix`);
  }
  if (/^aws:/i.test(value)) problems.push('its value starts with the reserved "aws:" prefix');
  return problems;
}

/** Tag key prefixes AWS services set on the resources they create [not in guides: AWS Tagging Best Practices,
 *  "AWS-generated tags"]: read back from a resource, they are AWS's tags, not a user's mistake. */
export const AWS_SET_TAG_PREFIXES: readonly string[] = ['aws:cloudformation:', 'aws:servicecatalog:', 'aws:createdby'];
