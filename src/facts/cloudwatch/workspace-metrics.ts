// The WorkSpaces' health and session metrics of the last 24 hours (namespace AWS/WorkSpaces, dimension WorkspaceId;
// catalog table T16): Unhealthy, ConnectionAttempt, ConnectionFailure (sums) and InSessionLatency (average, ms).
// One GetMetricData call carries up to 500 metric queries, its limit [not in guides: CloudWatch API reference]: four
// per WorkSpace, so 125 WorkSpaces a call and 40 calls for 5,000. A 24-hour period gives one datapoint per metric,
// far below the call's 100,800-datapoint limit. Lookback 24 h [derived, catalog D15].
import cloudwatch from '../../aws/services/cloudwatch.js';
import { FactError } from '../../core/failure.js';
import { defineFact } from '../define.js';
import workspaces from '../workspaces/workspaces.js';

export const METRICS = [
  { name: 'Unhealthy', stat: 'Sum', field: 'unhealthy' },
  { name: 'ConnectionAttempt', stat: 'Sum', field: 'connectionAttempts' },
  { name: 'ConnectionFailure', stat: 'Sum', field: 'connectionFailures' },
  { name: 'InSessionLatency', stat: 'Average', field: 'inSessionLatencyMs' },
] as const;

type MetricField = (typeof METRICS)[number]['field'];

/** One WorkSpace's figures over the window; a metric without datapoints is absent (no data, not zero). */
export type WorkspaceMetricValues = { WorkspaceId: string } & Partial<Record<MetricField, number>>;

export interface WorkspaceMetrics {
  startTime: string;
  endTime: string;
  workspaces: WorkspaceMetricValues[];
}

const LOOKBACK_MS = 24 * 3600_000;
/** GetMetricData's limit on queries per call. */
export const MAX_QUERIES = 500;
const PER_CALL = Math.floor(MAX_QUERIES / METRICS.length);

export default defineFact({
  name: 'workspaceMetrics',
  description: "the WorkSpaces' CloudWatch health and session metrics of the last 24 hours (Unhealthy, connection attempts and failures, in-session latency)",
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: [workspaces],
  async collect({ aws, get }): Promise<WorkspaceMetrics> {
    const ids = (await get(workspaces)).filter((w) => w.WorkspaceId && !['TERMINATED', 'TERMINATING'].includes(w.State ?? '')).map((w) => w.WorkspaceId!);
    // Whole minutes, so the window is the same for every call of the run.
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const start = new Date(end.getTime() - LOOKBACK_MS);
    const window = { startTime: start.toISOString(), endTime: end.toISOString() };
    if (ids.length === 0) return { ...window, workspaces: [] };
    const { client, sdk } = await aws.use(cloudwatch);
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += PER_CALL) batches.push(ids.slice(i, i + PER_CALL));
    const results = await Promise.all(
      batches.map(async (batch) => {
        const queries = batch.flatMap((WorkspaceId, w) =>
          METRICS.map((metric, m) => ({
            Id: `w${w}m${m}`,
            MetricStat: {
              Metric: { Namespace: 'AWS/WorkSpaces', MetricName: metric.name, Dimensions: [{ Name: 'WorkspaceId', Value: WorkspaceId }] },
              Period: LOOKBACK_MS / 1000,
              Stat: metric.stat,
            },
            ReturnData: true,
          })),
        );
        const values = new Map<string, number[]>();
        const seen = new Set<string>();
        let token: string | undefined;
        do {
          const out = await client.send(
            new sdk.GetMetricDataCommand({ MetricDataQueries: queries, StartTime: start, EndTime: end, ...(token ? { NextToken: token } : {}) }),
          );
          for (const result of out.MetricDataResults ?? []) {
            if (!result.Id) continue;
            values.set(result.Id, [...(values.get(result.Id) ?? []), ...(result.Values ?? []).filter(Number.isFinite)]);
          }
          token = out.NextToken || undefined;
          if (token && seen.has(token)) throw new FactError({ kind: 'error', message: 'GetMetricData returned a page token it had already returned: stopped paging' });
          if (token) seen.add(token);
        } while (token);
        return batch.map((WorkspaceId, w) => {
          const row: WorkspaceMetricValues = { WorkspaceId };
          METRICS.forEach((metric, m) => {
            const points = values.get(`w${w}m${m}`) ?? [];
            if (points.length === 0) return;
            row[metric.field] =
              metric.stat === 'Sum' ? points.reduce((a, b) => a + b, 0) : points.reduce((a, b) => a + b, 0) / points.length;
          });
          return row;
        });
      }),
    );
    return { ...window, workspaces: results.flat() };
  },
});
