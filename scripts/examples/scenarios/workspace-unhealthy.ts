import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { sdkConfig } from '../../../test/helpers/seed.js';
import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: "alice cannot connect". Triage by user (--user alice): her WorkSpace is UNHEALTHY — it stopped answering ' +
    "WorkSpaces' status requests — nobody has connected to it for two days, and CloudWatch recorded Unhealthy " +
    "datapoints for it in the last day. Bob's WorkSpace in the same directory is healthy and is not looked at.",
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    const alice = await workspaceIn(lab, seeded, 0, 'alice', 'STANDARD');
    await workspaceIn(lab, seeded, 1, 'bob', 'STANDARD');
    // What the real service reports for it, which moto's WorkSpaces cannot hold.
    lab.front.setWorkspace(alice.workspaceId, { State: 'UNHEALTHY', ComputerName: 'WSAMZN-ALICE01' });
    lab.front.setConnection(alice.workspaceId, { ConnectionState: 'DISCONNECTED', LastKnownUserConnectionTimestamp: new Date(Date.now() - 2 * 86_400_000) });
    const cloudwatch = new CloudWatchClient(sdkConfig(lab.moto, lab.region));
    await cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/WorkSpaces',
        MetricData: [1, 2, 3].map((hours) => ({
          MetricName: 'Unhealthy',
          Dimensions: [{ Name: 'WorkspaceId', Value: alice.workspaceId }],
          Value: 1,
          Timestamp: new Date(Date.now() - hours * 3_600_000),
        })),
      }),
    );
    return ['--directory', seeded.directoryId, '--user', 'alice'];
  },
  expect: { 'ws-state': 'fail', 'cw-workspace-health-metrics': 'warn' },
};

export default scenario;
