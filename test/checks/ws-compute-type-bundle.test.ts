import check from '../../checks/workspace/ws-compute-type-bundle.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { bundle, ws } from '../helpers/workspace-fixtures.js';

const graphics = bundle('wsb-graphics1', { Name: 'Graphics with Windows 10', ComputeType: { Name: 'GRAPHICS' } });
const standard = bundle('wsb-standard01');

// Not in the catalog (real tickets): a WorkSpace created with a compute type its bundle does not support.
checkTable(check, [
  {
    name: 'a Standard WorkSpace from a Graphics bundle fails, and explains an ERROR state',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-graphics1', State: 'ERROR', ErrorCode: 'ResourceCreationFailed' })], bundles: [graphics] },
    expect: [{ status: 'fail', resource: 'ws-00000001', message: /runs on Standard, but its bundle wsb-graphics1 .* is a Graphics bundle.*It is in ERROR \(ResourceCreationFailed\), which this explains/ }],
  },
  {
    // A plan's launch (check --terraform-plan): its state is known only after apply, and is not needed to judge it.
    name: 'a WorkSpace a plan launches on a type its bundle lacks fails as a launch',
    facts: { workspaces: [ws('aws_workspaces_workspace.hal', { BundleId: 'wsb-graphics1', State: { $unknown: 'aws_workspaces_workspace.hal: the WorkSpace is launched by apply' } as never })], bundles: [graphics] },
    expect: [{ status: 'fail', resource: 'aws_workspaces_workspace.hal', message: /is planned on Standard, but its bundle wsb-graphics1 .* is a Graphics bundle.*Launch it as Graphics/ }],
  },
  {
    name: 'a WorkSpace a plan launches on its bundle\'s type passes',
    facts: { workspaces: [ws('aws_workspaces_workspace.ivy', { State: { $unknown: 'aws_workspaces_workspace.ivy: the WorkSpace is launched by apply' } as never })], bundles: [standard] },
    expect: [{ status: 'pass', resource: 'aws_workspaces_workspace.ivy' }],
  },
  { name: 'the bundle\'s own type passes', facts: { workspaces: [ws('ws-00000001')], bundles: [standard] }, expect: [{ status: 'pass', message: /The WorkSpace runs on a compute type their bundle offers\./ }] },
  {
    name: 'a switch within Value…PowerPro passes, naming it',
    facts: { workspaces: [ws('ws-00000001', { properties: { ComputeTypeName: 'POWER' } })], bundles: [standard] },
    expect: [{ status: 'pass', message: /ws-00000001 \(switched from Standard to Power\)/ }],
  },
  {
    name: 'before a launch, a --compute-type the --bundle does not offer fails',
    facts: { workspaces: [], bundles: [graphics] },
    options: { before: 'launch', bundleIds: ['wsb-graphics1'], computeType: 'STANDARD' },
    expect: [{ status: 'fail', resource: 'wsb-graphics1', message: /a WorkSpace launched from it with --compute-type Standard would run its image on hardware it is not built for/ }],
  },
  {
    name: 'before a launch, an offered --compute-type passes',
    facts: { workspaces: [], bundles: [standard] },
    options: { before: 'launch', bundleIds: ['wsb-standard01'], computeType: 'PERFORMANCE' },
    expect: [{ status: 'pass', message: /--compute-type Performance is one the bundle to launch offers/ }],
  },
  { name: 'a bundle that could not be read leaves nothing to compare', facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-unknown01' })], bundles: [] }, expect: [{ status: 'skip', message: /could not be read/ }] },
  {
    name: 'bundles denied is an error',
    facts: { workspaces: [ws('ws-00000001')], bundles: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspaceBundles', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceBundles' }) },
    expect: [{ status: 'error' }],
  },
]);
