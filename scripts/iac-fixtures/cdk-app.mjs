// The CDK app behind test/fixtures/iac/cloudformation/cdk-*.template.json: what `cdk synth` writes for a WorkSpaces
// stack (a VPC over two zones with Fn::GetAZs, a NAT gateway, a Simple AD, a KMS key, workspaces_DefaultRole and an
// encrypted WorkSpace). Not part of the build: in a scratch directory, `npm install aws-cdk-lib constructs`, copy
// this file there, and run `node cdk-app.mjs <outdir> healthy|mgmt-conflict|key-disabled|launch-faults`; the template is
// <outdir>/WorkspacesStack.template.json.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ds from 'aws-cdk-lib/aws-directoryservice';
import * as ws from 'aws-cdk-lib/aws-workspaces';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';

const app = new cdk.App({ outdir: process.argv[2] ?? 'cdk.out' });
const variant = process.argv[3] ?? 'healthy';
const stack = new cdk.Stack(app, 'WorkspacesStack');
const vpc = new ec2.Vpc(stack, 'Vpc', {
  ipAddresses: ec2.IpAddresses.cidr(variant === 'mgmt-conflict' ? '198.19.0.0/16' : '10.0.0.0/16'),
  maxAzs: 2,
  natGateways: 1,
  subnetConfiguration: [
    { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
  ],
});
const password = new cdk.CfnParameter(stack, 'DirectoryPassword', { type: 'String', noEcho: true });
const directory = new ds.CfnSimpleAD(stack, 'Directory', {
  name: 'corp.example.com',
  password: password.valueAsString,
  size: 'Small',
  vpcSettings: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnets.map((s) => s.subnetId) },
});
const key = new kms.Key(stack, 'WorkspacesKey', { enabled: variant !== 'key-disabled' && variant !== 'launch-faults' });
const role = new iam.Role(stack, 'DefaultRole', {
  roleName: 'workspaces_DefaultRole',
  assumedBy: new iam.ServicePrincipal('workspaces.amazonaws.com'),
  managedPolicies: [
    iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonWorkSpacesServiceAccess'),
    iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonWorkSpacesSelfServiceAccess'),
  ],
});
const bundle = new cdk.CfnParameter(stack, 'BundleId', { type: 'String', default: 'wsb-bh8rsxt14' });
new ws.CfnWorkspace(stack, 'AliceWorkspace', {
  directoryId: directory.ref,
  bundleId: bundle.valueAsString,
  userName: 'alice',
  rootVolumeEncryptionEnabled: true,
  userVolumeEncryptionEnabled: true,
  volumeEncryptionKey: key.keyArn,
  workspaceProperties: { computeTypeName: 'STANDARD', runningMode: 'AUTO_STOP' },
});
if (variant === 'launch-faults') {
  // Launches apply refuses: a second WorkSpace for alice, a key given as a bare alias, a compute type its bundle
  // (the Standard bundle) does not offer.
  new ws.CfnWorkspace(stack, 'AliceSecondWorkspace', { directoryId: directory.ref, bundleId: bundle.valueAsString, userName: 'alice' });
  new ws.CfnWorkspace(stack, 'GinaWorkspace', {
    directoryId: directory.ref,
    bundleId: bundle.valueAsString,
    userName: 'gina',
    userVolumeEncryptionEnabled: true,
    volumeEncryptionKey: 'aws/workspaces',
  });
  new ws.CfnWorkspace(stack, 'HalWorkspace', {
    directoryId: directory.ref,
    bundleId: bundle.valueAsString,
    userName: 'hal',
    workspaceProperties: { computeTypeName: 'GRAPHICS' },
  });
}
app.synth();
