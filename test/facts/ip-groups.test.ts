// The IP access control group facts over SDK mocks (moto has no IP groups): what they ask, how they page.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeIpGroupsCommand, DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { liveStore as store } from '../helpers/fact-store.js';

const workspaces = mockClient(WorkSpacesClient);
afterEach(() => workspaces.reset());

const directory = (ipGroupIds?: string[]) => ({
  Directories: [{ DirectoryId: 'd-1234567890', ...(ipGroupIds ? { ipGroupIds } : {}) }],
});
/** Answers DescribeIpGroups from `page` and keeps a copy of each input as sent (the paginator reuses one object). */
function recordInputs(page: () => object): object[] {
  const sent: object[] = [];
  workspaces.on(DescribeIpGroupsCommand).callsFake((input) => {
    sent.push({ ...input });
    return page();
  });
  return sent;
}
const group = (groupId: string, ...rules: string[]) => ({ groupId, groupName: groupId, userRules: rules.map((ipRule) => ({ ipRule })) });

describe('IP access control group facts', () => {
  it("asks for the directory's groups by id, 25 a page, and follows every page", async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves(directory(['wsipg-a0000001', 'wsipg-b0000001']));
    const pages = [
      { Result: [group('wsipg-a0000001', '203.0.113.0/24')], NextToken: 'page-2' },
      { Result: [group('wsipg-b0000001')] },
    ];
    const sent = recordInputs(() => pages.shift()!);
    const outcome = await store().settle('ipGroups');
    expect(outcome.ok && outcome.value.map((g) => g.groupId)).toEqual(['wsipg-a0000001', 'wsipg-b0000001']);
    expect(sent).toEqual([
      { GroupIds: ['wsipg-a0000001', 'wsipg-b0000001'], MaxResults: 25, NextToken: undefined },
      { GroupIds: ['wsipg-a0000001', 'wsipg-b0000001'], MaxResults: 25, NextToken: 'page-2' },
    ]);
  });

  it('an associated group missing from the answer is an error, never "fewer groups" (which could pass)', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves(directory(['wsipg-a0000001', 'wsipg-b0000001']));
    recordInputs(() => ({ Result: [group('wsipg-a0000001', '203.0.113.0/24')] }));
    expect(await store().settle('ipGroups')).toMatchObject({
      ok: false,
      failure: {
        kind: 'error',
        iamAction: 'workspaces:DescribeIpGroups',
        message: "workspaces:DescribeIpGroups returned no IP access control group for wsipg-b0000001, which it was asked for: the answer is not whole, or not AWS's",
      },
    });
  });

  it('makes no call when the directory has no associated group', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves(directory());
    expect(await store().settle('ipGroups')).toEqual({ ok: true, value: [] });
    expect(workspaces.commandCalls(DescribeIpGroupsCommand)).toHaveLength(0);
  });

  it("counts the Region's groups without a filter", async () => {
    const pages = [
      { Result: Array.from({ length: 25 }, (_, i) => group(`wsipg-${i}`)), NextToken: 'next' },
      { Result: [group('wsipg-last')] },
    ];
    const sent = recordInputs(() => pages.shift()!);
    const outcome = await store().settle('regionIpGroups');
    expect(outcome.ok && outcome.value).toHaveLength(26);
    expect(sent).toEqual([
      { MaxResults: 25, NextToken: undefined },
      { MaxResults: 25, NextToken: 'next' },
    ]);
  });

  it('a denied DescribeIpGroups fails the fact with the IAM action', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves(directory(['wsipg-a0000001']));
    workspaces.on(DescribeIpGroupsCommand).rejects(
      Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', iamAction: 'workspaces:DescribeIpGroups' }),
    );
    expect(await store().settle('ipGroups')).toMatchObject({
      ok: false,
      failure: { kind: 'denied', iamAction: 'workspaces:DescribeIpGroups' },
    });
  });
});
