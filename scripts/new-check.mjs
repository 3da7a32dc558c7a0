#!/usr/bin/env node
// npm run new-check -- <catalog id>       e.g. npm run new-check -- A7
// Writes checks/<scope>/<id>.ts and test/checks/<id>.test.ts from the catalog entry (../shared/CHECKS-CATALOG.md, or
// WSDOCTOR_CATALOG): id, catalog id, scope, the rule as the file's opening comment, the remediation text and its
// guide source. Every field a person must write says TODO, and the conformance test refuses a check that still does,
// so a skeleton cannot land unfinished. Nothing else needs editing: the registry finds the file at the next build.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const catalogPath = process.env.WSDOCTOR_CATALOG ?? join(root, '..', 'shared', 'CHECKS-CATALOG.md');

// The guide files by their catalog short name, as src/data/sources.ts names them.
const GUIDE_KEYS = { '000': 'imageBuilderPending', '001': 'troubleshooting', '002': 'adminGuide', '003': 'customImages', '004': 'appStream' };
// The catalog's scope words → wsdoctor's scopes (src/core/scopes.ts); guest checks of an image builder run --local.
const SCOPE_RULES = [
  [/^AppStream image builder.*guest|^AppStream image builder \(guest/i, 'local'],
  [/^AppStream image builder/i, 'image-builder'],
  [/^AppStream fleet/i, 'fleet'],
  [/^client machine/i, 'client'],
  [/^WorkSpace\b(?! directory)|^WorkSpace \(/i, 'workspace'],
  [/^(WorkSpaces directory|AD Connector|Account)/i, 'directory'],
];
const FOLDERS = { directory: 'directory', workspace: 'workspace', 'image-builder': 'appstream', fleet: 'appstream', stack: 'appstream', client: 'client', local: 'local' };

function fail(message) {
  process.stderr.write(`new-check: ${message}\n`);
  process.exit(2);
}

const catalogId = process.argv[2];
if (!catalogId || !/^[A-J]\d{1,2}$/.test(catalogId)) fail('usage: npm run new-check -- <catalog id>, e.g. A7');
if (!existsSync(catalogPath)) fail(`no catalog at ${catalogPath} (set WSDOCTOR_CATALOG)`);

const catalog = readFileSync(catalogPath, 'utf8');
const heading = new RegExp(`^### ${catalogId} \`([a-z0-9-]+)\`\\s*$`, 'm').exec(catalog);
if (!heading) fail(`the catalog has no entry ${catalogId}`);
const id = heading[1];
const body = catalog.slice(heading.index + heading[0].length).split(/^### /m)[0];
const field = (name) => new RegExp(`^- \\*\\*${name}:\\*\\* (.*)$`, 'm').exec(body)?.[1]?.trim() ?? '';

const scopeText = /\*\*Scope:\*\* ([^·]+)/.exec(body)?.[1]?.trim() ?? '';
const scope = SCOPE_RULES.find(([pattern]) => pattern.test(scopeText))?.[1] ?? 'directory';
const checkFile = join(root, 'checks', FOLDERS[scope], `${id}.ts`);
const testFile = join(root, 'test', 'checks', `${id}.test.ts`);
for (const file of [checkFile, testFile]) if (existsSync(file)) fail(`${file.slice(root.length)} exists already`);

// The first "Source: 002:5638-5653 "Title"" of the remediation is the check's source.
const remediation = field('Remediation');
const source = /Source: (00[0-4]):(\d+(?:-\d+)?) "([^"]+)"/.exec(remediation);
const sourceText = source
  ? `{ guide: GUIDES.${GUIDE_KEYS[source[1]]}, section: '${source[3].replace(/'/g, "\\'")}', lines: '${source[2]}' }`
  : "{ guide: GUIDES.adminGuide, section: 'TODO: the section heading', lines: 'TODO' }";

const wrap = (text, indent) => {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (indent + line + word).length > 116) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += `${word} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.map((l) => `${indent}${l}`).join('\n');
};

const check = `/**
 * ${catalogId} ${id} (catalog, ${scopeText}).
${wrap(`Reads: ${field('Reads')}`, ' * ')}
${wrap(`Rule: ${field('Rule')}`, ' * ')}
 * TODO: say here how this check decides, and why where it departs from the catalog.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
// TODO: import the facts it reads, e.g. import subnets from '../../src/facts/ec2/subnets.js';

export default defineCheck({
  meta: {
    id: '${id}',
    catalogId: '${catalogId}',
    title: 'TODO: what passing means, e.g. "The directory's subnets have free IP addresses"',
    scope: '${scope}',
    severity: 'medium', // TODO: critical (users cannot connect), high, medium or low
    tags: ['TODO'],
    description: 'TODO: what it looks at.',
    rationale: 'TODO: the outage it predicts, in the guide\\'s words.',
    finds: 'TODO: one line for the README table: what it finds, and how each finding is judged',
    facts: [],
    remediation: {
      summary: 'TODO: the fix in one sentence.',
      steps: [
${wrap(`From the catalog: ${remediation}`, '        // ')}
        'TODO: the steps, in the guide\\'s words.',
      ],
      source: ${sourceText},
      docsUrl: 'https://docs.aws.amazon.com/TODO',
    },
  },

  analyze() {
    // TODO: return one finding per resource looked at: pass, warn, fail (never pass for what could not be seen).
    return [];
  },
});
`;

const test = `import check from '../../checks/${FOLDERS[scope]}/${id}.js';
import { checkTable } from '../helpers/check-table.js';

// The catalog's cases (${catalogId} Test): ${field('Test').replace(/\n/g, ' ')}
checkTable(check, [
  {
    name: 'TODO: the catalog\\'s passing case',
    facts: {},
    expect: [{ status: 'pass' }],
  },
]);
`;

for (const [file, text] of [
  [checkFile, check],
  [testFile, test],
]) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file.slice(root.length)}\n`);
}
process.stdout.write(`Next: fill in every TODO, then npm run test:unit (the conformance test lists what is left).\n`);
