/**
 * C1 ds-directory-stage: the Directory Service directory is Active.
 * - PASS: Active.
 * - WARN: Requested, Creating, Created or Restoring: creation (or a restore) still in progress.
 * - FAIL: Impaired, Inoperable, Failed, RestoreFailed, Deleting, Deleted (enum [not in guides]); or a stage the API
 *   did not have when this was written is a WARN naming it. The StageReason AWS gives is quoted in the finding.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';

const IN_PROGRESS = ['Requested', 'Creating', 'Created', 'Restoring'];
const BROKEN = ['Impaired', 'Inoperable', 'Failed', 'RestoreFailed', 'Deleting', 'Deleted'];

export default defineCheck({
  meta: {
    id: 'ds-directory-stage',
    catalogId: 'C1',
    title: 'The Directory Service directory is Active',
    scope: 'directory',
    severity: 'critical',
    tags: ['directory', 'directory-service'],
    description: 'Reads the Stage and StageReason Directory Service reports for the directory (DescribeDirectories).',
    rationale:
      'WorkSpaces registers and authenticates against the Directory Service directory: until it is Active (or once it ' +
      'is Impaired, Inoperable or Failed) the directory cannot be registered and users cannot sign in.',
    finds: 'the directory Requested/Creating/Created (warn) or Impaired, Inoperable, Failed or being deleted (fail), with the StageReason AWS gives',
    facts: [dsDirectory],
    remediation: {
      summary: 'Wait for the directory to become Active; if it is Impaired, Inoperable or Failed, fix what its StageReason names (for an AD Connector, usually its DNS servers and domain controllers being unreachable).',
      steps: [
        'The initial status of the directory is Requested and then Creating. When directory creation is complete, the status is Active. It takes several minutes for an AD Connector to be connected.',
        'For an AD Connector, the DNS servers you specified must be accessible from each subnet, and the VPC must be connected to your on-premises network through a VPN connection or AWS Direct Connect (see adc-subnet-route-to-dns, adc-sg-ports, adc-dns-reachable).',
        '[not in guides] An Impaired or Inoperable directory reports why in StageReason (Directory Service console → the directory); a Failed one cannot be repaired and must be deleted and created again.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Step 1: Create an AD Connector', lines: '3984-4037' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Step 1: Create a Simple AD Directory', lines: '3771-3840' }],
      docsUrl: 'https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_troubleshooting.html',
    },
  },

  analyze({ dsDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    const stage = directory.Stage ?? 'unknown';
    const reason = directory.StageReason ? ` (AWS says: "${directory.StageReason}")` : '';
    const evidence = { directoryId: id, type: directory.Type, stage, stageReason: directory.StageReason ?? null, stageLastUpdated: directory.StageLastUpdatedDateTime ?? null };
    if (stage === 'Active') return [{ status: 'pass', resource: id, message: `${directory.Type ?? 'The directory'} ${id} is Active in Directory Service.`, evidence }];
    if (BROKEN.includes(stage)) {
      return [{ status: 'fail', resource: id, message: `Directory Service reports ${id} as ${stage}${reason}: WorkSpaces cannot register it or sign users in through it.`, evidence }];
    }
    const what = IN_PROGRESS.includes(stage) ? 'it is still being created' : 'a stage wsdoctor does not know';
    return [{ status: 'warn', resource: id, message: `Directory Service reports ${id} as ${stage}${reason}: ${what}, and it is not usable until it is Active.`, evidence }];
  },
});
