// A CloudFormation template as text (YAML or JSON, which YAML 1.2 reads too) → its value, with the short-form tags
// (!Ref, !GetAtt, !Sub, !Select, !GetAZs, !Cidr, !Join, !If …) turned into their long forms ({"Ref": …},
// {"Fn::GetAtt": […]}), and the line each resource is written on, so findings point at it. Hostile input is bounded:
// aliases (which could expand a small file into a huge value), node count, nesting, and unknown tags are refused.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { inputError, MAX_DEPTH, parseJsonInput } from './limits.js';

/** The intrinsic functions CloudFormation's YAML writes as tags, and the key of their long form. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!ForEach': 'Fn::ForEach',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Length': 'Fn::Length',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
};

// Each tag in its scalar, sequence and mapping forms, resolved to the node itself: the walk below reads the tag.
const CUSTOM_TAGS = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (node: unknown) => node },
  { tag, collection: 'map' as const, resolve: (node: unknown) => node },
]);

/** Nodes one template may expand to (aliases included): far above any real template (CDK's largest run to ~100k). */
const MAX_NODES = 2_000_000;

export interface LoadedTemplate {
  value: unknown;
  /** The line of each resource's logical id under Resources (1-based). */
  resourceLines: Map<string, number>;
}

export function loadTemplate(text: string, file: string): LoadedTemplate {
  // JSON (what `cdk synth` writes) is read as JSON: much faster than YAML's parser on a large template.
  if (/^\uFEFF?\s*\{/.test(text)) return loadJsonTemplate(text, file);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      customTags: CUSTOM_TAGS,
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
    });
  } catch (error) {
    throw inputError(file, `is not a readable template: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED' || /Unresolved tag/.test(w.message));
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? (problem.pos ? lineCounter.linePos(problem.pos[0]).line : undefined);
    throw inputError(file, `${line ? `line ${line}: ` : ''}${firstLine(problem.message)}`);
  }
  let nodes = 0;
  const count = (n: number) => {
    nodes += n;
    if (nodes > MAX_NODES) throw inputError(file, `expands to more than ${MAX_NODES} values (through aliases?): refused`);
  };
  // An alias's target is walked once: later uses share its value and count its size, so a bomb of nested aliases
  // is refused by arithmetic, not by expanding it.
  const anchored = new Map<unknown, { value: unknown; size: number }>();
  const walk = (node: unknown, depth: number): unknown => {
    count(1);
    if (depth > MAX_DEPTH) throw inputError(file, `nests deeper than ${MAX_DEPTH} levels: refused`);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const seen = anchored.get(target);
      if (seen) {
        count(seen.size);
        return seen.value;
      }
      const before = nodes;
      const value = walk(target, depth + 1);
      anchored.set(target, { value, size: nodes - before });
      return value;
    }
    const tag = isScalar(node) || isMap(node) || isSeq(node) ? node.tag : undefined;
    let value: unknown;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
          throw inputError(file, `line ${lineOf(pair.key as Node)}: a mapping key must be a plain value`);
        }
        Object.defineProperty(out, String(key), { value: walk(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      value = out;
    } else if (isSeq(node)) {
      value = node.items.map((item) => walk(item, depth + 1));
    } else if (isScalar(node)) {
      value = node.value;
    } else if (node === null || node === undefined) {
      value = null;
    } else {
      throw inputError(file, 'holds a YAML node wsdoctor cannot read');
    }
    if (!tag || !Object.hasOwn(SHORT_FORMS, tag)) return value;
    return longForm(tag, value);
  };
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 0);

  const value = walk(doc.contents, 1);
  const resourceLines = new Map<string, number>();
  const resources = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'Resources') : undefined;
  if (resources && isMap(resources.value)) {
    for (const pair of resources.value.items) {
      if (isScalar(pair.key)) resourceLines.set(String(pair.key.value), lineOf(pair.key));
    }
  }
  return { value, resourceLines };
}

/** `!GetAtt A.B` → {"Fn::GetAtt": ["A", "B"]}; every other tag wraps its value under the long form's key. */
function longForm(tag: string, value: unknown): unknown {
  const key = SHORT_FORMS[tag]!;
  if (tag === '!GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  if (tag === '!GetAZs' && value === null) return { [key]: '' };
  return { [key]: value };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A JSON template: parsed as JSON, and the lines of the keys under its top-level Resources found by one scan. */
function loadJsonTemplate(text: string, file: string): LoadedTemplate {
  const value = parseJsonInput(text, file, 'a CloudFormation template');
  return { value, resourceLines: jsonResourceLines(text) };
}

/** The line of each key of the top-level "Resources" object, by a single pass over the text (strings skipped). */
export function jsonResourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let depth = 0;
  let line = 1;
  let inResources = false;
  let expectKey = false;
  let lastKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '"') {
      const start = i + 1;
      let end = start;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const raw = text.slice(start, end);
      i = end;
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const isKey = text[j] === ':';
      if (isKey && depth === 1) {
        lastKey = raw;
        inResources = false;
      }
      if (isKey && depth === 2 && inResources && expectKey) {
        try {
          lines.set(JSON.parse(`"${raw}"`) as string, line);
        } catch {
          // a key that is not valid JSON: the parse has already refused the file
        }
      }
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 2 && lastKey === 'Resources' && c === '{') inResources = true;
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1) inResources = false;
      expectKey = depth === 2 && inResources;
    } else if (c === ',') {
      expectKey = depth === 2 && inResources;
    }
  }
  return lines;
}
