// The example bundles in examples/: one scenario each, built in moto_server the way an admin would build it (or
// break it, as in the guides' tickets). scripts/examples.ts collects each with the real CLI; the test suite
// checks that every example still gives the statuses listed here. To add one: build the state in `build`, say
// what it shows in `shows`, list the statuses it must produce in `expect`, and run `npm run examples`.
import type { Status } from '../src/engine/types.js';
import { seedDirectory } from '../test/helpers/seed.js';

export interface Scenario {
  /** The file: examples/<name>.json. */
  name: string;
  /** What the example shows (the first part of the bundle's note). */
  shows: string;
  region: string;
  /** Builds the state in the emulator at `endpoint`; returns the target flags for `wsdoctor collect`. */
  build(endpoint: string, region: string): Promise<string[]>;
  /** Check id → the status the example must give. */
  expect: Record<string, Status>;
}

/** An AD Connector directory registered with WorkSpaces, in a VPC of this /16 with two /24 subnets in two AZs. */
function directoryInVpc(vpcCidr: string): Scenario['build'] {
  const [a, b] = vpcCidr.split('.');
  return async (endpoint, region) => {
    const { directoryId } = await seedDirectory(endpoint, region, vpcCidr, [`${a}.${b}.1.0/24`, `${a}.${b}.2.0/24`]);
    return ['--directory', directoryId];
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'healthy',
    shows:
      'A healthy AD Connector directory in us-east-1, in a VPC of 10.0.0.0/16 (an RFC 1918 range, as the guide ' +
      'recommends) with subnets in two Availability Zones.',
    region: 'us-east-1',
    build: directoryInVpc('10.0.0.0/16'),
    expect: { 'mgmt-cidr-conflict': 'pass' },
  },
  {
    name: 'mgmt-range-conflict',
    shows:
      'Ticket: the directory cannot be registered and WorkSpaces cannot launch. Its VPC in eu-west-2 uses ' +
      "198.19.0.0/16, the Region's only management interface range.",
    region: 'eu-west-2',
    build: directoryInVpc('198.19.0.0/16'),
    expect: { 'mgmt-cidr-conflict': 'fail' },
  },
];

/** The bundle's note: what the example shows, and how it was made. */
export function noteFor(scenario: Scenario): string {
  return `${scenario.shows} Made by \`npm run examples\`: built in moto_server (the AWS emulator), then collected with \`wsdoctor collect\`.`;
}
