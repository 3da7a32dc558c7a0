import check from '../../checks/workspace/ws-tags-valid.js';
import { checkTable, failed } from '../helpers/check-table.js';

const tags = (...list: { Key: string; Value: string }[]) => ({ resources: [{ ResourceId: 'ws-00000001', Tags: list }], workspacesNotRead: 0 });

// The catalog's cases (D16 Test): key aws:owner → FAIL; key length 128 → FAIL; {Key:'project',Value:'x'} → PASS.
checkTable(check, [
  { name: 'key aws:owner fails (catalog D16)', facts: { workspaceTags: tags({ Key: 'aws:owner', Value: 'x' }) }, expect: [{ status: 'fail', message: /reserved "aws:" prefix/ }] },
  { name: 'a 128-character key fails (catalog D16)', facts: { workspaceTags: tags({ Key: 'k'.repeat(128), Value: 'x' }) }, expect: [{ status: 'fail', message: /its key has 128 characters, more than 127/ }] },
  { name: 'project=x passes (catalog D16)', facts: { workspaceTags: tags({ Key: 'project', Value: 'x' }) }, expect: [{ status: 'pass', message: /The 1 tag on 1 resource/ }] },
  { name: 'a 256-character value fails', facts: { workspaceTags: tags({ Key: 'k', Value: 'v'.repeat(256) }) }, expect: [{ status: 'fail', message: /value has 256 characters/ }] },
  { name: 'characters outside the allowed set fail', facts: { workspaceTags: tags({ Key: 'cost#center', Value: 'x' }) }, expect: [{ status: 'fail', message: /characters other than letters/ }] },
  { name: 'leading or trailing spaces fail', facts: { workspaceTags: tags({ Key: 'owner', Value: 'bob ' }) }, expect: [{ status: 'fail', message: /leading or trailing spaces/ }] },
  { name: 'Unicode letters are letters', facts: { workspaceTags: tags({ Key: 'propriétaire', Value: 'Zoë' }) }, expect: [{ status: 'pass' }] },
  { name: 'tags AWS set itself are not the user\'s', facts: { workspaceTags: tags({ Key: 'aws:cloudformation:stack-name', Value: 'vdi' }) }, expect: [{ status: 'pass' }] },
  {
    name: 'more than 50 tags fail',
    facts: { workspaceTags: tags(...Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))) },
    expect: [{ status: 'fail', message: /has 51 tags, more than the 50/ }],
  },
  {
    name: 'a large directory says whose tags were not read, and how to read them',
    facts: { workspaceTags: { resources: [{ ResourceId: 'd-1234567890', Tags: [] }], workspacesNotRead: 400 } },
    expect: [{ status: 'pass', message: /The tags of 400 WorkSpaces were not read .*--workspace or --user/ }],
  },
  {
    name: 'a denied DescribeTags is an error',
    facts: { workspaceTags: failed({ kind: 'denied', iamAction: 'workspaces:DescribeTags', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeTags' }) },
    expect: [{ status: 'error', message: /workspaces:DescribeTags/ }],
  },
]);
