// moto_server on a free loopback port, and the AWS state the benchmarks run against, built with the real SDK the
// way an admin would (write calls are fine here: this is seeding, not wsdoctor).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateNetworkInterfaceCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ConnectDirectoryCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateWorkspacesCommand,
  RegisterWorkspaceDirectoryCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startDnsServer } from './dns-server.mjs';
import { startProxy } from './proxy.mjs';

// The SDK warns about Node 20 on the first call; the seeding output is not the place for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The seeded AD Connector's domain (what its DNS server must answer for). */
export const DIRECTORY_DOMAIN = 'corp.example.com';

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIAWSDOCTORBENCHKEY', secretAccessKey: 'wsdoctor-bench-secret-key' };

export function motoAvailable() {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto() {
  if (!motoAvailable()) throw new Error('moto_server is not on PATH: the AWS benchmarks need it');
  const port = await freePort();
  // AWS's managed policies exist in every real account; moto has them only when told (the default role needs two).
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${endpoint}/moto-api/data.json`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`moto_server did not start on ${endpoint}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * What the directory benchmarks run against: moto_server, the proxy in front of it (every call delayed by
 * `delayMs`), and the AD Connector's DNS server on `dnsHost` (answering after `dnsDelayMs`). Seed through
 * `moto.endpoint`, point wsdoctor at `proxy.endpoint`; `stop()` ends all three.
 */
export async function startStage({ delayMs, dnsHost, dnsDelayMs = 0 }) {
  const started = [];
  const stop = async () => {
    for (const part of started.reverse()) await part.stop();
  };
  try {
    const moto = await startMoto();
    started.push(moto);
    const proxy = await startProxy({ upstream: moto.endpoint, delayMs });
    started.push({ stop: () => proxy.close() });
    started.push(await startDnsServer({ host: dnsHost, domain: DIRECTORY_DOMAIN, delayMs: dnsDelayMs }));
    return { moto, proxy, dnsHost, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function clients(endpoint, region, credentials = FAKE_CREDENTIALS) {
  const config = { region, endpoint, credentials };
  return {
    ec2: new EC2Client(config),
    ds: new DirectoryServiceClient(config),
    workspaces: new WorkSpacesClient(config),
    iam: new IAMClient(config),
  };
}

/**
 * A VPC (a /16), two /19 subnets in two AZs (room for 8,000 network interfaces), an AD Connector (its DNS servers:
 * `dnsIps`), and the directory registered with WorkSpaces.
 */
export async function seedDirectory(endpoint, region, { vpcCidr = '10.20.0.0/16', dnsIps, credentials }) {
  const { ec2, ds, workspaces, iam } = clients(endpoint, region, credentials);
  const base = vpcCidr.split('.').slice(0, 2).join('.');
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: vpcCidr }));
  const subnetIds = [];
  for (const [i, az] of ['a', 'b'].entries()) {
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({ VpcId: Vpc.VpcId, CidrBlock: `${base}.${i * 32}.0/19`, AvailabilityZone: `${region}${az}` }),
    );
    subnetIds.push(Subnet.SubnetId);
  }
  const { DirectoryId } = await ds.send(
    new ConnectDirectoryCommand({
      Name: DIRECTORY_DOMAIN,
      Password: 'Passw0rd-not-real',
      Size: 'Small',
      ConnectSettings: {
        VpcId: Vpc.VpcId,
        SubnetIds: subnetIds,
        CustomerDnsIps: dnsIps,
        CustomerUserName: 'svc-adconnector',
      },
    }),
  );
  // The account's workspaces_DefaultRole, as the guide makes it (registering a directory needs it), once.
  const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'workspaces.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const made = await iam.send(new CreateRoleCommand({ RoleName: 'workspaces_DefaultRole', AssumeRolePolicyDocument: JSON.stringify(trust) })).then(
    () => true,
    (error) => (error.name === 'EntityAlreadyExistsException' ? false : Promise.reject(error)),
  );
  for (const name of made ? ['AmazonWorkSpacesServiceAccess', 'AmazonWorkSpacesSelfServiceAccess'] : []) {
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'workspaces_DefaultRole', PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
  }
  await workspaces.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId, SubnetIds: subnetIds }));
  return { directoryId: DirectoryId, vpcId: Vpc.VpcId, subnetIds };
}

/** `count` WorkSpaces in the directory, 25 per CreateWorkspaces call (the API's maximum). */
export async function seedWorkspaces(endpoint, region, directoryId, count, credentials) {
  const { workspaces } = clients(endpoint, region, credentials);
  for (let made = 0; made < count; made += 25) {
    const batch = Array.from({ length: Math.min(25, count - made) }, (_, i) => ({
      DirectoryId: directoryId,
      UserName: `user${String(made + i).padStart(5, '0')}`,
      BundleId: 'wsb-bh8rsxt14',
    }));
    const out = await workspaces.send(new CreateWorkspacesCommand({ Workspaces: batch }));
    if (out.FailedRequests?.length) {
      throw new Error(`seeding WorkSpaces failed: ${JSON.stringify(out.FailedRequests[0])}`);
    }
  }
}

/**
 * `count` network interfaces spread over `subnetIds`, as the WorkSpaces' own interfaces (eth1) sit in the
 * directory's subnets. (moto's WorkSpaces carry no IP address, so nothing ties one to the other.)
 */
export async function seedNetworkInterfaces(endpoint, region, subnetIds, count) {
  const { ec2 } = clients(endpoint, region);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await ec2.send(
        new CreateNetworkInterfaceCommand({ SubnetId: subnetIds[i % subnetIds.length], Description: `bench WorkSpace ${i}` }),
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Credentials that act in `account`: moto keeps accounts apart by the key a request is signed with, and issues
 *  an assumed role's keys for the role's account (the role need not exist). */
export async function accountCredentials(endpoint, account, roleName = 'bench-seeder') {
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS });
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${roleName}`, RoleSessionName: 'bench' }));
  sts.destroy();
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}
