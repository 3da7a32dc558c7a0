import check from '../../checks/workspace/cw-workspace-health-metrics.js';
import type { WorkspaceMetricValues } from '../../src/facts/cloudwatch/workspace-metrics.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, NOW, ws } from '../helpers/workspace-fixtures.js';

const metrics = (...rows: WorkspaceMetricValues[]) => ({ startTime: ago(24 * 60), endTime: NOW, workspaces: rows });
const wsp = (id: string) => ws(id, { properties: { Protocols: ['WSP'] } });

// The catalog's cases (D15 Test): Unhealthy Sum 1 → WARN; InSessionLatency avg 180 ms, PCoIP → WARN; 60 ms → PASS.
checkTable(check, [
  { name: 'Unhealthy sum 1 warns (catalog D15)', facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', unhealthy: 1 }) }, expect: [{ status: 'warn', message: /it reported Unhealthy \(1 datapoint\)/ }] },
  { name: '180 ms on PCoIP warns (catalog D15)', facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', inSessionLatencyMs: 180 }) }, expect: [{ status: 'warn', message: /180 ms: PCoIP works but is degraded between 100 and 250 ms/ }] },
  { name: '60 ms passes (catalog D15)', facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', inSessionLatencyMs: 60, connectionAttempts: 4 }) }, expect: [{ status: 'pass', message: /1 WorkSpace had no Unhealthy datapoint/ }] },
  { name: '300 ms on PCoIP fails', facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', inSessionLatencyMs: 300 }) }, expect: [{ status: 'fail', message: /above the 250 ms PCoIP tolerates/ }] },
  { name: '300 ms on WSP is degraded, not failed', facts: { workspaces: [wsp('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', inSessionLatencyMs: 300 }) }, expect: [{ status: 'warn', message: /WSP works but is degraded between 250 and 400 ms/ }] },
  {
    name: 'connection failures warn with their share of attempts',
    facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', connectionAttempts: 4, connectionFailures: 3 }) },
    expect: [{ status: 'warn', message: /3 connections failed of 4 attempts \(75%\)/ }],
  },
  {
    name: 'no datapoints is said, never counted as healthy',
    facts: { workspaces: [ws('ws-00000001'), ws('ws-00000002')], workspaceMetrics: metrics({ WorkspaceId: 'ws-00000001', inSessionLatencyMs: 20 }, { WorkspaceId: 'ws-00000002' }) },
    expect: [{ status: 'pass', message: /1 WorkSpace had no Unhealthy datapoint.*CloudWatch holds no datapoints for 1/ }],
  },
  {
    name: 'CloudWatch unreadable is an error naming cloudwatch:GetMetricData',
    facts: { workspaces: [ws('ws-00000001')], workspaceMetrics: failed({ kind: 'denied', iamAction: 'cloudwatch:GetMetricData', message: 'access denied: the caller lacks the IAM permission cloudwatch:GetMetricData' }) },
    expect: [{ status: 'error', message: /cloudwatch:GetMetricData/ }],
  },
]);
