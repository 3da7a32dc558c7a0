import check from '../../checks/directory/acct-workspaces-quotas.js';
import { checkTable, failed } from '../helpers/check-table.js';

const wsp = (n: number, compute = 'STANDARD', state = 'AVAILABLE') =>
  Array.from({ length: n }, (_, i) => ({ WorkspaceId: `ws-${compute.toLowerCase()}${i}`, DirectoryId: 'd-1234567890', State: state as never, ComputeTypeName: compute as never }));
const quotas = (values: Record<string, number>) => Object.entries(values).map(([QuotaName, Value], i) => ({ QuotaCode: `L-TEST000${i}`, QuotaName, Value }));
const SQ = quotas({ 'WorkSpaces per Region': 50, 'Graphics WorkSpaces per Region': 0, 'GraphicsPro WorkSpaces per Region': 2, 'IP access control groups per Region': 100 });
const graphicsBundle = [{ BundleId: 'wsb-graphics01', ComputeType: { Name: 'GRAPHICS' as const } }];
const denied = failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission servicequotas:ListServiceQuotas', iamAction: 'servicequotas:ListServiceQuotas' });

checkTable(check, [
  {
    name: 'catalog J1: 0 Graphics quota + a planned Graphics launch → fail',
    options: { bundleIds: ['wsb-graphics01'] },
    facts: { regionWorkspaces: wsp(3), regionIpGroups: [], workspacesServiceQuotas: SQ, bundles: graphicsBundle },
    expect: [{ status: 'fail', resource: 'Graphics WorkSpaces per Region', message: /0 in use \+ 1 planned exceeds the quota of 0 \(Service Quotas L-TEST0001\)/ }],
  },
  { name: 'room under every quota → pass', facts: { regionWorkspaces: wsp(3), regionIpGroups: [], workspacesServiceQuotas: SQ }, expect: [{ status: 'pass', message: /WorkSpaces per Region: 3 of 50/ }] },
  {
    name: 'exactly at a quota above zero → warn',
    options: { plannedWorkspaces: 2 },
    facts: { regionWorkspaces: wsp(48), regionIpGroups: [], workspacesServiceQuotas: SQ },
    expect: [{ status: 'warn', message: /48 in use \+ 2 planned reaches the quota of 50/ }],
  },
  { name: 'over a Service Quotas value → fail', options: { plannedWorkspaces: 5 }, facts: { regionWorkspaces: wsp(48), regionIpGroups: [], workspacesServiceQuotas: SQ }, expect: [{ status: 'fail' }] },
  { name: 'terminated WorkSpaces do not count', options: { plannedWorkspaces: 2 }, facts: { regionWorkspaces: [...wsp(40), ...wsp(20, 'STANDARD', 'TERMINATED')], regionIpGroups: [], workspacesServiceQuotas: SQ }, expect: [{ status: 'pass' }] },
  {
    name: 'Service Quotas unreadable: existing WorkSpaces above the guide default only prove it was raised → pass',
    facts: { regionWorkspaces: wsp(30), regionIpGroups: [], workspacesServiceQuotas: denied },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'Service Quotas unreadable: planned launches past the guide default → warn, saying why the default is used',
    options: { plannedWorkspaces: 3 },
    facts: { regionWorkspaces: [], regionIpGroups: [], workspacesServiceQuotas: denied },
    expect: [{ status: 'warn', message: /0 in use \+ 3 planned passes 1, the guide's default \(Service Quotas could not be read: access denied/ }],
  },
  {
    name: 'a quota Service Quotas does not list by the guide\'s name falls back to the default',
    options: { bundleIds: ['wsb-graphics01'] },
    facts: { regionWorkspaces: [], regionIpGroups: [], workspacesServiceQuotas: quotas({ 'WorkSpaces per Region': 50 }), bundles: graphicsBundle },
    expect: [{ status: 'warn', resource: 'Graphics WorkSpaces per Region', message: /lists no quota of that name/ }],
  },
  {
    name: 'IP access control groups at the Region quota → warn',
    facts: { regionWorkspaces: [], regionIpGroups: Array.from({ length: 100 }, (_, i) => ({ groupId: `wsipg-${i}` })), workspacesServiceQuotas: SQ },
    expect: [{ status: 'warn', resource: 'IP access control groups per Region' }],
  },
]);
