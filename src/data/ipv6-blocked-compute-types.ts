// WorkSpaces compute types that cannot launch into a subnet that auto-assigns IPv6 addresses (catalog A6).
//
// The guides disagree (catalog Part IV, X5):
// - the Administration Guide's VPC tutorials name Graphics only — "you cannot use Graphics bundles. (You can use
//   GraphicsPro bundles, however.)" — blaming previous-generation instance types without IPv6
//   (002_73aec366670b46ed.txt lines 405-419 and 541-555);
// - both troubleshooting texts name Performance and Graphics: "you cannot launch WorkSpaces using the Performance
//   or Graphics bundles" (001_abe0b5f7dee26d25.txt lines 200-202; 002_73aec366670b46ed.txt lines 8098-8103).
// wsdoctor follows X5's recommendation: the wider troubleshooting list (GRAPHICS and PERFORMANCE) is the one that
// fails, so a launch the troubleshooting guide predicts to fail is never passed; every other compute type,
// GraphicsPro included (002 line 409 allows it), is only warned about.
import { GUIDES, type RowSource } from './sources.js';

export interface Ipv6BlockedComputeType {
  /** The API's compute type name (Workspace.WorkspaceProperties.ComputeTypeName, WorkspaceBundle.ComputeType.Name). */
  computeType: string;
  /** The bundle family as the guides name it. */
  bundleName: string;
  sources: readonly RowSource[];
}

export const IPV6_BLOCKED_COMPUTE_TYPES: readonly Ipv6BlockedComputeType[] = [
  {
    computeType: 'GRAPHICS',
    bundleName: 'Graphics',
    sources: [
      { guide: GUIDES.adminGuide, lines: '405-419' },
      { guide: GUIDES.adminGuide, lines: '8098-8103' },
      { guide: GUIDES.troubleshooting, lines: '200-202' },
    ],
  },
  {
    computeType: 'PERFORMANCE',
    bundleName: 'Performance',
    sources: [
      { guide: GUIDES.adminGuide, lines: '8098-8103' },
      { guide: GUIDES.troubleshooting, lines: '200-202' },
    ],
  },
];

export function isIpv6Blocked(computeType: string | undefined): boolean {
  return IPV6_BLOCKED_COMPUTE_TYPES.some((row) => row.computeType === computeType);
}
