// CloudFormation templates as CloudFormation reads them: YAML short forms and long forms alike, parameters from
// --parameters or their defaults, the intrinsics that are static resolved, the rest unknown with a reason, each
// resource with its line. Hostile templates get one line, never a stack trace.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UsageError } from '../../src/core/errors.js';
import { isUnknown } from '../../src/core/unknown.js';
import { cidrSplit, cloudFormationWorld } from '../../src/iac/cloudformation.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/iac/cloudformation/${name}`, import.meta.url), 'utf8');

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DirectoryId:
    Type: String
  BundleId:
    Type: String
    Default: wsb-bh8rsxt14
  Env:
    Type: String
    AllowedValues: [prod, test]
    Default: test
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
    Default: subnet-1,subnet-2
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Mappings:
  Sizes:
    test: { Compute: STANDARD }
    prod: { Compute: POWER }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [1, !GetAZs '']
      AssignIpv6AddressOnCreation: !If [IsProd, false, true]
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
      AvailabilityZoneId: euw2-az3
  ProdOnly:
    Type: AWS::EC2::Subnet
    Condition: IsProd
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.20.9.0/24
  Key:
    Type: AWS::KMS::Key
    Properties:
      Enabled: false
  Desk:
    Type: AWS::WorkSpaces::Workspace
    Properties:
      DirectoryId: !Ref DirectoryId
      BundleId: !Ref BundleId
      UserName: !Sub '\${Env}-user'
      VolumeEncryptionKey: !GetAtt Key.Arn
      UserVolumeEncryptionEnabled: true
      WorkspaceProperties:
        ComputeTypeName: !FindInMap [Sizes, !Ref Env, Compute]
        RunningMode: !If [NotProd, AUTO_STOP, !Ref AWS::NoValue]
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: workspaces_DefaultRole
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: !Join ['.', [workspaces, !Ref AWS::URLSuffix]] }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonWorkSpacesServiceAccess
`;

const lineOf = (text: string) => YAML.split('\n').indexOf(text) + 1;

describe('CloudFormation templates', () => {
  it('resolves the static intrinsics of a YAML template written with short forms', () => {
    const world = cloudFormationWorld(YAML, 'stack.yaml', { region: 'eu-west-2', parameters: { DirectoryId: 'd-90670a1b2c' } });
    expect(world.subnets.map((s) => s.address)).toEqual(['Resources.SubnetA', 'Resources.SubnetB']); // ProdOnly: condition false
    const [a, b] = world.subnets;
    expect(a).toMatchObject({ id: 'Resources.SubnetA', vpcId: 'Resources.Vpc', cidrBlock: '10.20.0.0/24', availabilityZoneIndex: 1, assignIpv6AddressOnCreation: true, source: { file: 'stack.yaml', line: lineOf('  SubnetA:') } });
    expect(isUnknown(a!.availabilityZone)).toBe(true);
    expect(b).toMatchObject({ cidrBlock: '10.20.1.0/24', availabilityZoneId: 'euw2-az3' });
    const [desk] = world.workspaces;
    expect(desk).toMatchObject({
      directoryId: 'd-90670a1b2c',
      bundleId: 'wsb-bh8rsxt14',
      userName: 'test-user',
      userVolumeEncryptionEnabled: true,
      rootVolumeEncryptionEnabled: false,
      volumeEncryptionKeyResource: 'Resources.Key',
      properties: { ComputeTypeName: 'STANDARD', RunningMode: 'AUTO_STOP' },
    });
    expect(isUnknown(desk!.volumeEncryptionKey)).toBe(true);
    expect(world.kmsKeys[0]).toMatchObject({ enabled: false, keyUsage: 'ENCRYPT_DECRYPT' });
    expect(world.iamRoles[0]).toMatchObject({
      name: 'workspaces_DefaultRole',
      assumeRolePolicy: { Statement: [{ Principal: { Service: 'workspaces.amazonaws.com' } }] },
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess'],
    });
    // A live id the template names points back at the resource naming it.
    expect(world.mentions['d-90670a1b2c']).toEqual({ address: 'Resources.Desk', source: { file: 'stack.yaml', line: lineOf('  Desk:') } });
  });

  it('takes parameters as given, and conditions follow them', () => {
    const world = cloudFormationWorld(YAML, 'stack.yaml', { region: 'eu-west-2', parameters: { DirectoryId: 'd-1', Env: 'prod' } });
    expect(world.subnets.map((s) => s.address)).toContain('Resources.ProdOnly');
    expect(world.workspaces[0]!.properties).toEqual({ ComputeTypeName: 'POWER' }); // RunningMode: AWS::NoValue
    expect(world.workspaces[0]!.userName).toBe('prod-user');
  });

  it('marks what it cannot know, saying why', () => {
    const world = cloudFormationWorld(YAML, 'stack.yaml', {});
    const directory = world.workspaces[0]!.directoryId;
    expect(directory).toEqual({ $unknown: 'parameter DirectoryId has no Default and --parameters gives it no value' });
    expect(world.iamRoles[0]!.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess']);
  });

  it('refuses a parameter the template does not declare', () => {
    expect(() => cloudFormationWorld(YAML, 'stack.yaml', { parameters: { Typo: 'x' } })).toThrow(
      'stack.yaml: --parameters names Typo, which the template does not declare (it declares DirectoryId, BundleId, Env, Subnets)',
    );
  });

  it('reads a template `cdk synth` wrote (JSON, Fn::GetAZs, Fn::Join over AWS::Partition)', () => {
    const world = cloudFormationWorld(fixture('cdk-healthy.template.json'), 'cdk.out/WorkspacesStack.template.json', { region: 'eu-west-2', parameters: { DirectoryPassword: 'x-not-used' } });
    expect(world.vpcs).toHaveLength(1);
    expect(world.subnets.map((s) => [s.cidrBlock, s.availabilityZoneIndex])).toEqual([['10.0.0.0/24', 0], ['10.0.1.0/24', 1], ['10.0.2.0/24', 0], ['10.0.3.0/24', 1]]);
    expect(world.routes.filter((r) => r.natGatewayId)).toHaveLength(2);
    expect(world.internetGateways[0]!.vpcId).toBe(world.vpcs[0]!.id);
    expect(world.iamRoles[0]!.managedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess',
      'arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess',
    ]);
    expect(world.workspaces[0]).toMatchObject({ directoryId: world.dsDirectories[0]!.id, bundleId: 'wsb-bh8rsxt14' });
    expect(world.workspaces[0]!.source.line).toBeGreaterThan(1);
  });

  it.each([
    ['not YAML', 'Resources: [unclosed', /^t\.yaml: line 1: /],
    ['an unknown tag', 'Resources:\n  A:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Bogus x\n', /^t\.yaml: line 5: Unresolved tag: !Bogus/],
    ['no Resources', 'AWSTemplateFormatVersion: "2010-09-09"\n', /^t\.yaml: is not a CloudFormation template: it has no Resources mapping$/],
    ['a Terraform plan', '{"format_version": "1.2", "resource_changes": []}', /is a Terraform plan, not a CloudFormation template: pass it with --terraform-plan$/],
    ['a duplicated key', 'Resources:\n  A:\n    Type: AWS::EC2::VPC\n  A:\n    Type: AWS::EC2::VPC\n', /^t\.yaml: line 4: Map keys must be unique/],
    ['a resource without a Type', 'Resources:\n  A:\n    Properties: {}\n', /^t\.yaml: line 2: Resources\.A has no Type/],
    ['a Ref to nothing', 'Resources:\n  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Nope\n', /refers to Nope, which is neither a parameter nor a resource of the template$/],
    ['a condition that refers to itself', 'Conditions:\n  C: !Condition C\nResources:\n  A:\n    Type: AWS::EC2::VPC\n    Condition: C\n', /the condition C refers to itself$/],
  ])('refuses %s in one line', (_, text, message) => {
    let thrown: unknown;
    try {
      cloudFormationWorld(text, 't.yaml', {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('refuses an alias bomb and deep nesting without expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`), 'Resources: {}'].join('\n');
    const started = Date.now();
    expect(() => cloudFormationWorld(bomb, 'bomb.yaml', {})).toThrow(/bomb\.yaml: expands to more than 2000000 values/);
    expect(Date.now() - started).toBeLessThan(5000);
    const deep = `Resources: ${'['.repeat(200)}${']'.repeat(200)}`;
    expect(() => cloudFormationWorld(deep, 'deep.yaml', {})).toThrow(/deep\.yaml: (nests deeper than 100 levels|line)/);
  });

  it('Fn::Cidr splits IPv4 blocks as CloudFormation does', () => {
    expect(cidrSplit('10.0.0.0/16', 3, 8)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(cidrSplit('192.168.0.0/24', 2, 6)).toEqual(['192.168.0.0/26', '192.168.0.64/26']);
    expect(cidrSplit('10.0.0.0/24', 2, 9)).toBeUndefined(); // blocks larger than the range
    expect(cidrSplit('10.0.0.0/30', 8, 0)).toBeUndefined(); // more blocks than fit
    expect(cidrSplit('2001:db8::/56', 2, 64)).toBeUndefined();
  });
});
