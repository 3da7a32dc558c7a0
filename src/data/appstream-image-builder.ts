// Facts about WorkSpaces Applications (AppStream 2.0) image builders from the re:Post Knowledge Center article
// "How do I troubleshoot a WorkSpaces Applications image builder that's stuck in Pending state?"
// (000_7e77070c5765ebaf.txt); catalog table T9.
import { GUIDES, type RowSource } from './sources.js';

/** "It takes up to 25 minutes for image builders and fleet instances to ... change to a Running state" (line 6). */
export const PENDING_LIMIT_MINUTES = 25;
export const PENDING_LIMIT_SOURCE: RowSource = { guide: GUIDES.imageBuilderPending, lines: '6' };

/**
 * The guide's own query for image builder network interfaces (line 11):
 * `aws ec2 describe-network-interfaces --filters 'Name=description,Values="AppStream 2.0 - image-builder:*"'`.
 * The service was renamed, the description was not (catalog Part IV, X13).
 */
export const IMAGE_BUILDER_ENI_DESCRIPTION = 'AppStream 2.0 - image-builder:*';
export const IMAGE_BUILDER_ENI_SOURCE: RowSource = { guide: GUIDES.imageBuilderPending, lines: '11' };

export interface InstancePort {
  port: number;
  use: string;
  source: RowSource;
  /** The service the guide says listens on the port, and where it says so; the guide names none for 8000. */
  owner?: { service: string; source: RowSource };
}

const portSource: RowSource = { guide: GUIDES.imageBuilderPending, lines: '37-41' };

/** "Port availability" (lines 37-41): inbound TCP ports the streaming instance keeps for itself. */
export const INSTANCE_PORTS: readonly InstancePort[] = [
  {
    port: 8300,
    use: 'the streaming connection',
    source: portSource,
    owner: { service: 'DcvServer', source: { guide: GUIDES.imageBuilderPending, lines: '56' } },
  },
  { port: 8000, use: 'management of the streaming instance', source: portSource },
  {
    port: 8443,
    use: 'management of the streaming instance',
    source: portSource,
    owner: { service: 'PhotonAgentWebServer', source: { guide: GUIDES.imageBuilderPending, lines: '55' } },
  },
];

/** The services the guide lists as the image builder's own (lines 50-57). */
export const IMAGE_BUILDER_SERVICES: readonly string[] = [
  'AWSLiteAgent',
  'AmazonSSMAgent',
  'Ec2Config',
  'PhotonAgent',
  'PhotonAgentWebServer',
  'DcvServer',
  'QWAVE',
];
export const IMAGE_BUILDER_SERVICES_SOURCE: RowSource = { guide: GUIDES.imageBuilderPending, lines: '50-57' };
