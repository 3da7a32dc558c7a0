// The Availability Zones WorkSpaces Personal supports, by AZ id (catalog table T11, "Supported AZ IDs").
// [not in guides] The guides say only that "WorkSpaces checks whether the AD Connector subnets are in supported
// Availability Zones" (002_73aec366670b46ed.txt lines 2378-2384); the table comes from the Administration Guide page
// "Availability Zones for WorkSpaces Personal" (SOURCE below), read on READ_ON. AZ ids, not names: each account maps
// names (us-east-1a) to physical zones its own way, and an id (use1-az2) is the same zone in every account.
// WorkSpaces Pools has its own table ("AWS Regions and Availability Zones for WorkSpaces Pools"), which differs
// (e.g. ap-south-1: aps1-az1 and aps1-az3 only): wsdoctor checks Personal directories, so this is the Personal one.

export const SUPPORTED_AZS_SOURCE = {
  title: 'Availability Zones for WorkSpaces Personal (Amazon WorkSpaces Administration Guide)',
  url: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/azs-workspaces.html',
  /** The same table as published in awsdocs/amazon-workspaces-administration-guide (doc_source/azs-workspaces.md). */
  mirror: 'https://github.com/awsdocs/amazon-workspaces-administration-guide/blob/master/doc_source/azs-workspaces.md',
  readOn: '2026-12-02',
} as const;

export interface SupportedAzs {
  region: string;
  regionName: string;
  azIds: readonly string[];
}

export const SUPPORTED_AZS: readonly SupportedAzs[] = [
  { region: 'us-east-1', regionName: 'US East (N. Virginia)', azIds: ['use1-az2', 'use1-az4', 'use1-az6'] },
  { region: 'us-west-2', regionName: 'US West (Oregon)', azIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'] },
  { region: 'ap-south-1', regionName: 'Asia Pacific (Mumbai)', azIds: ['aps1-az1', 'aps1-az2', 'aps1-az3'] },
  { region: 'ap-northeast-2', regionName: 'Asia Pacific (Seoul)', azIds: ['apne2-az1', 'apne2-az3'] },
  { region: 'ap-southeast-1', regionName: 'Asia Pacific (Singapore)', azIds: ['apse1-az1', 'apse1-az2'] },
  { region: 'ap-southeast-2', regionName: 'Asia Pacific (Sydney)', azIds: ['apse2-az1', 'apse2-az3'] },
  { region: 'ap-northeast-1', regionName: 'Asia Pacific (Tokyo)', azIds: ['apne1-az1', 'apne1-az4'] },
  { region: 'ca-central-1', regionName: 'Canada (Central)', azIds: ['cac1-az1', 'cac1-az2'] },
  { region: 'eu-central-1', regionName: 'Europe (Frankfurt)', azIds: ['euc1-az2', 'euc1-az3'] },
  { region: 'eu-west-1', regionName: 'Europe (Ireland)', azIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'] },
  { region: 'eu-west-2', regionName: 'Europe (London)', azIds: ['euw2-az2', 'euw2-az3'] },
  { region: 'sa-east-1', regionName: 'South America (São Paulo)', azIds: ['sae1-az1', 'sae1-az3'] },
];

export function supportedAzsFor(region: string): SupportedAzs | undefined {
  return SUPPORTED_AZS.find((r) => r.region === region);
}
