/**
 * D15 cw-workspace-health-metrics: what CloudWatch saw of each WorkSpace in the last 24 hours (namespace
 * AWS/WorkSpaces, per WorkspaceId; one GetMetricData call per 125 WorkSpaces).
 * - WARN: Unhealthy reported (a sum above 0: status checks it failed); connection failures (with the share of
 *   attempts); in-session latency in the protocol's degraded band (PCoIP 100–250 ms, WSP 250–400 ms).
 * - FAIL: in-session latency above the band (PCoIP over 250 ms, WSP over 400 ms): the guide's RTT limits for the client
 *   network, applied to "the round trip time between the WorkSpaces client and the WorkSpace" [derived].
 * - PASS: none of that; WorkSpaces CloudWatch has no datapoints for (no session, or stopped all day) are named as such,
 *   never counted as healthy.
 * - ERROR: CloudWatch could not be read (cloudwatch:GetMetricData).
 */
import { GUIDES } from '../../src/data/sources.js';
import { latencyBandFor } from '../../src/data/session-latency.js';
import { defineCheck, type FindingDraft, type Status } from '../../src/engine/types.js';
import workspaceMetrics from '../../src/facts/cloudwatch/workspace-metrics.js';
import { liveWorkspaces, workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'cw-workspace-health-metrics',
    catalogId: 'D15',
    title: "CloudWatch saw no failed health checks, connection failures or slow sessions in the last day",
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'cloudwatch', 'connectivity', 'latency'],
    description:
      "Reads each WorkSpace's Unhealthy, ConnectionAttempt and ConnectionFailure sums and InSessionLatency average over the last 24 hours (CloudWatch AWS/WorkSpaces), and judges latency against its protocol's round-trip bands.",
    rationale:
      'CloudWatch records what users met: failed health checks (Unhealthy), connections that failed, and the round trip between client and WorkSpace. For PCoIP the round trip "should be less than 100ms"; between 100 and 250 ms "performance is degraded" (WSP: 250 and 400 ms).',
    finds: 'a WorkSpace with Unhealthy datapoints, connection failures or in-session latency in its protocol\'s degraded band in the last 24 h (warn), or latency above it (fail)',
    facts: [workspaces, workspaceMetrics],
    remediation: {
      summary:
        'Look at the WorkSpace and at where its users connect from: an unhealthy WorkSpace (ws-state), the client\'s network to the Region (wsdoctor check --client), and set CloudWatch alarms on these metrics.',
      steps: [
        'To get CloudWatch metrics, enable access on port 443 on the AMAZON subset in the us-east-1 Region (IP Address and Port Requirements).',
        'For Unhealthy datapoints, follow ws-state\'s remedy: reboot, then RDP from a healthy WorkSpace in the same directory to check its ports; rebuild only as a last resort.',
        'For connection failures, follow the guide\'s example: find the alarm (aws cloudwatch describe-alarms --state-value ALARM), list the directory\'s WorkSpaces (aws workspaces describe-workspaces --directory-id …), then read ConnectionFailure for each (aws cloudwatch get-metric-statistics --namespace AWS/WorkSpaces --metric-name ConnectionFailure …).',
        'For latency: for PCoIP the round trip time from the client\'s network to the Region should be less than 100 ms (100–250 ms: usable but degraded); for WSP less than 250 ms (250–400 ms: degraded). Users far from the Region do better on WSP or on WorkSpaces in a nearer Region; run wsdoctor check --client from where they connect.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Monitor Your WorkSpaces Using CloudWatch Metrics', lines: '6932-6946' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Dimensions for Amazon WorkSpaces Metrics', lines: '7209-7224' },
        { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1405' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/cloudwatch-metrics.html',
    },
  },

  analyze({ workspaces, workspaceMetrics }) {
    const metricsOf = new Map(workspaceMetrics.workspaces.map((m) => [m.WorkspaceId, m]));
    const findings: FindingDraft[] = [];
    const quiet: string[] = [];
    const healthy: string[] = [];
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No WorkSpace to look at.' }];
    for (const ws of live) {
      const m = metricsOf.get(ws.WorkspaceId ?? '');
      if (!m || Object.keys(m).length === 1) {
        quiet.push(ws.WorkspaceId!);
        continue;
      }
      const problems: { status: Status; text: string }[] = [];
      if ((m.unhealthy ?? 0) > 0) problems.push({ status: 'warn', text: `it reported Unhealthy (${m.unhealthy} datapoint${m.unhealthy === 1 ? '' : 's'})` });
      if ((m.connectionFailures ?? 0) > 0) {
        const share = m.connectionAttempts ? ` of ${m.connectionAttempts} attempt${m.connectionAttempts === 1 ? '' : 's'} (${Math.round((100 * m.connectionFailures!) / m.connectionAttempts)}%)` : '';
        problems.push({ status: 'warn', text: `${m.connectionFailures} connection${m.connectionFailures === 1 ? '' : 's'} failed${share}` });
      }
      if (m.inSessionLatencyMs !== undefined) {
        const band = latencyBandFor(ws.WorkspaceProperties?.Protocols);
        const ms = Math.round(m.inSessionLatencyMs);
        const protocol = band.protocol === 'WSP' ? 'WSP' : 'PCoIP';
        if (ms > band.degradedUpToMs) problems.push({ status: 'fail', text: `in-session latency averaged ${ms} ms, above the ${band.degradedUpToMs} ms ${protocol} tolerates` });
        else if (ms >= band.goodBelowMs) problems.push({ status: 'warn', text: `in-session latency averaged ${ms} ms: ${protocol} works but is degraded between ${band.goodBelowMs} and ${band.degradedUpToMs} ms` });
      }
      if (problems.length === 0) {
        healthy.push(ws.WorkspaceId!);
        continue;
      }
      findings.push({
        status: problems.some((p) => p.status === 'fail') ? 'fail' : 'warn',
        resource: ws.WorkspaceId ?? '',
        message: `${workspaceLabel(ws)}, in the last 24 hours: ${problems.map((p) => p.text).join('; ')}.`,
        evidence: { ...m, window: { start: workspaceMetrics.startTime, end: workspaceMetrics.endTime } },
      });
    }
    if (findings.length === 0) {
      const parts = [
        healthy.length ? `${healthy.length} WorkSpace${healthy.length === 1 ? '' : 's'} had no Unhealthy datapoint, no failed connection and latency within the protocol's band` : '',
        quiet.length ? `CloudWatch holds no datapoints for ${quiet.length} (no session, or not running, in that time: nothing to judge)` : '',
      ].filter(Boolean);
      findings.push({
        status: 'pass',
        resource: live.length === 1 ? (live[0]!.WorkspaceId ?? '') : (workspaces[0]?.DirectoryId ?? ''),
        message: `In the last 24 hours (${workspaceMetrics.startTime} to ${workspaceMetrics.endTime}): ${parts.join('; ')}.`,
        evidence: { withData: healthy.length, withoutData: quiet.length },
      });
    }
    return findings;
  },
});
