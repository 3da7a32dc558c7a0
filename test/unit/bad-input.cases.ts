// Every input a user can get wrong, with exactly what wsdoctor says (exit 2, one line, no stack trace). This one
// table drives test/unit/cli-input.test.ts and is rendered into README.md and docs/FAULTS.md (`npm run docs`;
// test/unit/docs.test.ts keeps the copies equal).
import { FLEET_SETTINGS } from '../../src/options/changing.js';

export interface BadInput {
  /** What the user got wrong. */
  what: string;
  /** The command line after `wsdoctor`. */
  args: string[];
  /** Environment variables the case sets (on top of fake credentials) or removes (undefined). */
  env?: Record<string, string | undefined>;
  /** Exactly what wsdoctor prints on stderr, after "wsdoctor: ". */
  says: string;
  /** Finding this out takes an answer from AWS (here: an account with no directories). */
  needsAccount?: boolean;
  /** Files the case needs, by name, in the directory the command runs in: their content, or a size (a sparse file). */
  files?: Record<string, string | { bytes: number }>;
}

/** `wsdoctor check` on a well-formed directory in us-east-1, plus `args` (which may name another Region). */
const check = (...args: string[]) => [
  'check',
  '--directory',
  'd-1234567890',
  ...(args.includes('--region') ? [] : ['--region', 'us-east-1']),
  ...args,
];
const NO_KEYS = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };

export const BAD_INPUTS: readonly BadInput[] = [
  {
    what: 'a malformed directory id',
    args: ['check', '--directory', 'd-12', '--region', 'us-east-1'],
    says: '"d-12" is not a directory id: expected d- followed by hex digits, e.g. d-1234567890',
  },
  {
    what: 'a change --before does not know',
    args: check('--before', 'reboot'),
    says: '--before: unknown action "reboot" (use one of deregister, delete-directory, rebuild, restore, migrate, modify, image, upgrade, launch, edit, delete, start, stop, connect)',
  },
  {
    what: 'a malformed WorkSpace id',
    args: check('--workspace', 'ws-BAD12345'),
    says: '"ws-BAD12345" is not a WorkSpace id: expected ws- followed by 8 or more lowercase letters and digits, e.g. ws-abc123def',
  },
  {
    what: 'a malformed bundle id',
    args: check('--bundle', 'wsb-bh8rsxt14,nope'),
    says: '"nope" is not a bundle id: expected wsb- followed by 8 or more lowercase letters and digits, e.g. wsb-bh8rsxt14',
  },
  {
    what: 'a user without their directory',
    args: ['check', '--region', 'us-east-1', '--user', 'alice'],
    says: '--user works within a directory: add --directory <id> (the directory the user logs in to)',
  },
  {
    what: 'a user name longer than any directory allows',
    args: check('--user', `alice,${'a'.repeat(64)}`),
    says: `--user "${'a'.repeat(64)}" is not a directory user name: 1 to 63 printable characters`,
  },
  {
    what: 'a compute type WorkSpaces does not have',
    args: check('--before', 'modify', '--compute-type', 'Huge'),
    says: '--compute-type "Huge" is not a WorkSpaces compute type (use one of Value, Standard, Performance, Power, PowerPro, GeneralPurpose.4xlarge, GeneralPurpose.8xlarge, Graphics, GraphicsPro, Graphics.g4dn, GraphicsPro.g4dn, or an API name such as GRAPHICS_G6_XLARGE)',
  },
  {
    what: 'a malformed target bundle id',
    args: check('--before', 'migrate', '--target-bundle', 'standard'),
    says: '--target-bundle "standard" is not a bundle id: expected wsb- followed by 8 or more lowercase letters and digits, e.g. wsb-bh8rsxt14',
  },
  {
    what: 'a directory not registered with WorkSpaces in that Region',
    args: ['check', '--directory', 'd-0000000000', '--region', 'us-east-1'],
    says: 'directory d-0000000000 is not registered with WorkSpaces in us-east-1 (check the id and the Region)',
    needsAccount: true,
  },
  { what: 'a malformed Region name', args: check('--region', 'mars-1'), says: '"mars-1" (from --region) is not an AWS Region name such as us-east-1' },
  { what: 'an empty Region name', args: check('--region', ''), says: '"" (from --region) is not an AWS Region name such as us-east-1' },
  {
    what: 'a malformed Region in the environment',
    args: ['check', '--directory', 'd-1234567890'],
    env: { AWS_REGION: 'useast1' },
    says: '"useast1" (from AWS_REGION) is not an AWS Region name such as us-east-1',
  },
  {
    what: 'no Region anywhere',
    args: ['check', '--directory', 'd-1234567890'],
    says: 'no AWS Region: pass --region, set AWS_REGION, or set a region for profile "default" in ~/.aws/config',
  },
  {
    what: 'no credentials',
    args: check(),
    env: NO_KEYS,
    says:
      'no usable AWS credentials (set AWS_PROFILE or pass --profile, or configure credentials as for the AWS CLI): ' +
      'Could not load credentials from any providers',
  },
  {
    what: 'an unknown profile',
    args: check('--profile', 'nope'),
    says: 'no usable AWS credentials for profile "nope" (for SSO profiles run `aws sso login --profile nope`): Could not load credentials from any providers',
  },
  {
    what: 'a malformed image builder name',
    args: ['check', '--image-builder', 'my builder!', '--region', 'us-east-1'],
    says: '"my builder!" is not an image builder name: up to 101 letters, digits, "_", "." or "-", starting with a letter or digit',
  },
  {
    what: 'a malformed fleet name',
    args: ['check', '--fleet', '-office', '--region', 'us-east-1'],
    says: '"-office" is not a fleet name: up to 101 letters, digits, "_", "." or "-", starting with a letter or digit',
  },
  {
    what: 'a malformed stack name',
    args: ['check', '--stack', 'office stack', '--region', 'us-east-1'],
    says: '"office stack" is not a stack name: up to 101 letters, digits, "_", "." or "-", starting with a letter or digit',
  },
  {
    what: 'a fleet that does not exist in that Region',
    args: ['check', '--fleet', 'office', '--region', 'us-east-1'],
    says: 'fleet office does not exist in us-east-1 (there are no fleets in us-east-1; check the name and the Region)',
    needsAccount: true,
  },
  {
    what: 'a network resource whose host is neither an address nor a DNS name',
    args: ['check', '--fleet', 'office', '--region', 'us-east-1', '--resource', 'db_server!.corp:1433'],
    says: '--resource "db_server!.corp:1433": "db_server!.corp" is not an IP address or a DNS host name, e.g. 10.0.5.20:1433, licence.corp.example.com:27000 or [2001:db8::5]:443',
  },
  {
    what: 'a network resource without a port',
    args: ['check', '--fleet', 'office', '--region', 'us-east-1', '--resource', '10.0.5.20'],
    says: '--resource "10.0.5.20" is not HOST:PORT, e.g. 10.0.5.20:1433, licence.corp.example.com:27000 or [2001:db8::5]:443',
  },
  {
    what: 'a fleet setting --changing does not know',
    args: ['check', '--fleet', 'office', '--region', 'us-east-1', '--before', 'edit', '--changing', 'colour'],
    says: `--changing: unknown value "colour" (use one or more of ${FLEET_SETTINGS.join(', ')}, comma-separated)`,
  },
  {
    what: 'an image name without its image builder',
    args: ['check', '--fleet', 'office', '--region', 'us-east-1', '--image-name', 'office-2026'],
    says: '--image-name names an image to create from an image builder: add --image-builder <name> (and --before image)',
  },
  {
    what: 'a probe host that is neither an IP address nor a host name',
    args: ['check', '--client', '--region', 'us-east-1', '--probe-host', '999.1.1.1'],
    says: '--probe-host "999.1.1.1" is not an IP address or a host name',
  },
  { what: '--probe-host without --client', args: ['check', '--probe-host', '127.0.0.1', '--region', 'us-east-1'], says: '--probe-host goes with --client' },
  {
    what: 'a client IP that is not an IP address',
    args: check('--client-ip', '203.0.113.300'),
    says: '--client-ip "203.0.113.300" is not an IP address: give the public IP users connect from, e.g. 203.0.113.7',
  },
  {
    what: 'a CIDR where one client IP is expected',
    args: check('--client-ip', '203.0.113.0/24'),
    says: '--client-ip "203.0.113.0/24" is not an IP address: give the public IP users connect from, e.g. 203.0.113.7',
  },
  {
    what: 'an unknown report format',
    args: check('--format', 'yaml'),
    says: "option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, junit, markdown, sarif.",
  },
  { what: '--report without FORMAT=', args: check('--report', 'out.xml'), says: '--report "out.xml": expected FORMAT=FILE, e.g. --report junit=wsdoctor.xml' },
  { what: 'an unknown --report format', args: check('--report', 'html=out.html'), says: '--report "html=out.html": unknown format "html" (use text, json, junit, markdown, sarif)' },
  { what: '--output in a directory that does not exist', args: check('--output', '/nonexistent/report.json'), says: '--output: cannot write /nonexistent/report.json: no such directory' },
  { what: '--output naming a directory', args: check('--output', '/tmp'), says: '--output: /tmp is a directory' },
  {
    what: 'two reports to one file',
    args: check('--output', 'r.json', '--report', 'json=r.json'),
    says: '--output and --report json=r.json both write r.json: give each report its own file',
  },
  {
    what: 'an unknown --fail-on level',
    args: check('--fail-on', 'never'),
    says: "option '--fail-on <level>' argument 'never' is invalid. Allowed choices are warn, fail, error.",
  },
  {
    what: 'an unknown check id in --only or --skip',
    args: check('--only', 'mgmt-cidr-conflit'),
    says: 'unknown check id "mgmt-cidr-conflit" (did you mean mgmt-cidr-conflict, mgmt-cidr-route-conflict?); `wsdoctor list` shows them all',
  },
  { what: 'an unknown tag', args: check('--tag', 'netwrk'), says: 'unknown tag "netwrk" (did you mean network?); `wsdoctor list` shows them all' },
  {
    what: 'an unknown severity',
    args: check('--severity', 'critical,urgent'),
    says: '--severity: unknown value "urgent" (use one or more of critical, high, medium, low, comma-separated)',
  },
  {
    what: 'a selection no check matches',
    args: check('--tag', 'appstream'),
    says: 'no check for a directory or workspace target matches --tag appstream (`wsdoctor list` shows ids, tags and severities)',
  },
  { what: 'no target', args: ['check', '--region', 'us-east-1'], says: 'nothing to check: name a target, e.g. --directory d-1234567890, --fleet <name>, --stack <name>, --image-builder <name>, --client or --local' },
  // A fleet-wide run (check --all, collect --all): its flags, checked together before any AWS call.
  {
    what: '--all with a target named',
    args: ['check', '--all', '--directory', 'd-1234567890', '--region', 'us-east-1'],
    says: '--all finds its targets itself: --directory does not apply (narrow the kinds with --scope, e.g. --scope directory)',
  },
  { what: 'a fleet flag without --all', args: check('--accounts', '111122223333'), says: '--accounts belongs to a fleet-wide run: add --all (or name one target instead)' },
  {
    what: '--accounts without the role to assume',
    args: ['check', '--all', '--accounts', '111122223333', '--region', 'us-east-1'],
    says: '--accounts needs --role-arn arn:aws:iam::{account}:role/<name>: the role wsdoctor assumes in each account',
  },
  {
    what: 'a role ARN with {account} and no accounts',
    args: ['check', '--all', '--role-arn', 'arn:aws:iam::{account}:role/wsdoctor-read', '--region', 'us-east-1'],
    says: '--role-arn with {account} needs the accounts: add --accounts <ids> or --organization',
  },
  {
    what: '--accounts and --organization together',
    args: ['check', '--all', '--role-arn', 'arn:aws:iam::{account}:role/wsdoctor-read', '--accounts', '111122223333', '--organization', '--region', 'us-east-1'],
    says: '--accounts and --organization both name the accounts: give one',
  },
  { what: 'a malformed account id', args: ['check', '--all', '--accounts', '1111-2222-3333'], says: '--accounts: "1111-2222-3333" is not an AWS account id (12 digits, e.g. 111122223333)' },
  {
    what: 'a role ARN that is not one',
    args: ['check', '--all', '--role-arn', 'wsdoctor-read'],
    says: '--role-arn "wsdoctor-read" is not an IAM role ARN: expected arn:aws:iam::{account}:role/<name>, with {account} where each account\'s id goes',
  },
  { what: '--region all among Regions', args: ['check', '--all', '--region', 'all,us-east-1'], says: '--region: "all" stands alone (it means every Region the account has enabled)' },
  {
    what: '--scope naming a kind --all cannot list',
    args: ['check', '--all', '--scope', 'client', '--region', 'us-east-1'],
    says: '--scope client: --all lists directory, fleet, image-builder, stack (a client target is named, not listed)',
  },
  {
    what: '--format sarif with --all',
    args: ['check', '--all', '--region', 'us-east-1', '--format', 'sarif'],
    says: '--format sarif does not go with --all: SARIF reports a plan or template (--terraform-plan, --cloudformation); a fleet-wide run reports as json, junit, markdown or text',
  },
  {
    what: '--report sarif=FILE with --all',
    args: ['check', '--all', '--region', 'us-east-1', '--report', 'sarif=out.sarif'],
    says: '--report sarif=… does not go with --all: SARIF reports a plan or template (--terraform-plan, --cloudformation); a fleet-wide run reports as json, junit, markdown or text',
  },
  { what: 'a --timeout that is not a whole number of ms', args: check('--timeout', '1e3'), says: '--timeout must be a whole number from 1 to 600000, not "1e3"' },
  { what: 'a --max-attempts out of range', args: check('--max-attempts', '50'), says: '--max-attempts must be a whole number from 1 to 20, not "50"' },
  { what: 'a --deadline of zero', args: check('--deadline', '0'), says: '--deadline must be a whole number from 1 to 3600000, not "0"' },
  { what: 'an --endpoint-url that is not a URL', args: check('--endpoint-url', 'not a url'), says: '--endpoint-url "not a url" is not a URL (e.g. http://127.0.0.1:5000)' },
  { what: 'an --endpoint-url that is not http(s)', args: check('--endpoint-url', 'ftp://127.0.0.1'), says: '--endpoint-url must be http or https, not ftp:' },
  {
    what: 'an AWS_ENDPOINT_URL without a scheme',
    args: check(),
    env: { AWS_ENDPOINT_URL: 'localhost:5000' },
    says: 'AWS_ENDPOINT_URL must be http or https, not localhost:',
  },
  { what: 'a bundle file that does not exist', args: ['check', '--bundle', 'missing.json'], says: 'cannot read bundle missing.json: no such file' },
  {
    what: 'an empty bundle file',
    args: ['check', '--bundle', 'empty.json'],
    files: { 'empty.json': '' },
    says: 'empty.json is empty: not a wsdoctor bundle (write one with `wsdoctor collect`)',
  },
  {
    what: 'a bundle cut short in copying',
    args: ['check', '--bundle', 'cut.json'],
    files: { 'cut.json': '{"bundleSchemaVersion": 2, "tool": ' },
    says: 'cut.json is truncated: the text ends before the JSON document is complete (at line 1, column 36); was the whole file copied?',
  },
  {
    what: 'a report where a bundle is expected',
    args: ['check', '--bundle', 'report.json'],
    files: { 'report.json': '{"schemaVersion": 1, "results": []}\n' },
    says: 'report.json is not a wsdoctor bundle: it has no bundleSchemaVersion (it looks like a wsdoctor report; pass the file `wsdoctor collect` wrote)',
  },
  {
    what: 'a huge bundle file',
    args: ['check', '--bundle', 'huge.json'],
    files: { 'huge.json': { bytes: 300 * 1024 * 1024 } },
    says: 'bundle huge.json is 314572800 bytes; wsdoctor reads bundles up to 268435456 bytes',
  },
  {
    what: 'live flags with a bundle file',
    args: ['check', '--bundle', 'report.json', '--region', 'us-east-1'],
    says:
      '--bundle report.json analyzes a saved bundle, with no AWS access: --region does not apply (the bundle holds its targets, ' +
      'Region and options; WorkSpaces bundle ids look like wsb-…)',
  },
  { what: '`collect` without a file to write', args: ['collect', '--directory', 'd-1234567890', '--region', 'us-east-1'], says: "required option '-o, --output <file>' not specified" },
  { what: 'an unknown option', args: check('--bogus'), says: "unknown option '--bogus'" },
  { what: 'an option without its value', args: ['check', '--directory'], says: "option '--directory <id>' argument missing" },
  { what: 'a stray argument', args: ['check', 'd-1234567890'], says: "too many arguments for 'check'. Expected 0 arguments but got 1." },
  { what: 'an unknown command', args: ['frobnicate'], says: "unknown command 'frobnicate'" },
  { what: '`explain` without a check id', args: ['explain'], says: "missing required argument 'checkId'" },
  { what: '`explain` with an unknown check id', args: ['explain', 'nope'], says: 'unknown check id "nope"; `wsdoctor list` shows them all' },
  {
    what: '`iam-policy` for an unknown scope',
    args: ['iam-policy', '--scope', 'galaxy'],
    says: '--scope: unknown value "galaxy" (use one or more of directory, workspace, image-builder, fleet, stack, client, local, comma-separated)',
  },
  {
    what: 'a plan file that does not exist',
    args: ['check', '--terraform-plan', 'plan.json', '--offline'],
    says: 'plan.json: cannot be read (ENOENT); expected a Terraform plan',
  },
  {
    what: 'the binary plan file instead of its JSON',
    args: ['check', '--terraform-plan', 'tfplan', '--offline'],
    files: { tfplan: 'PK\u0003\u0004 binary' },
    says: 'tfplan: is not valid JSON (Unexpected token \'P\', "PK\\x03\\x04 binary" is not valid JSON); expected the JSON of `terraform show -json <planfile>`',
  },
  {
    what: 'the JSON of a state, not of a plan',
    args: ['check', '--terraform-plan', 'state.json', '--offline'],
    files: { 'state.json': '{"format_version": "1.0", "values": {"root_module": {}}}' },
    says: 'state.json: is not a Terraform plan: it has no resource_changes (this is `terraform show -json` of a state, not of a plan file)',
  },
  {
    what: 'a plan format wsdoctor does not read',
    args: ['check', '--terraform-plan', 'plan.json', '--offline'],
    files: { 'plan.json': '{"format_version": "2.0", "resource_changes": []}' },
    says: 'plan.json: has format_version "2.0"; wsdoctor reads Terraform\'s plan JSON format 1.x',
  },
  {
    what: 'a plan nested past reason',
    args: ['check', '--terraform-plan', 'deep.json', '--offline'],
    files: { 'deep.json': `{"format_version": "1.2", "resource_changes": ${'['.repeat(5000)}${']'.repeat(5000)}}` },
    says: 'deep.json: the JSON of `terraform show -json <planfile>` nested deeper than 100 levels is refused',
  },
  {
    what: 'a plan that deploys nothing wsdoctor checks',
    args: ['check', '--terraform-plan', 'plan.json', '--offline'],
    files: { 'plan.json': '{"format_version": "1.2", "resource_changes": [{"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "change": {"actions": ["create"], "after": {}}}]}' },
    says: 'plan.json: deploys nothing wsdoctor checks: no aws_workspaces_directory, aws_workspaces_workspace, aws_appstream_image_builder or aws_appstream_fleet',
  },
  {
    what: 'a plan for another Region than --region',
    args: ['check', '--terraform-plan', 'plan.json', '--offline', '--region', 'us-east-1'],
    files: {
      'plan.json':
        '{"format_version": "1.2", "resource_changes": [{"address": "aws_workspaces_workspace.a", "type": "aws_workspaces_workspace", "change": {"actions": ["create"], "after": {"directory_id": "d-1234567890", "bundle_id": "wsb-bh8rsxt14", "user_name": "a"}}}], "configuration": {"provider_config": {"aws": {"expressions": {"region": {"constant_value": "eu-west-2"}}}}}}',
    },
    says: '--region us-east-1 contradicts the plan, which deploys to eu-west-2',
  },
  {
    what: 'a target beside a plan',
    args: ['check', '--terraform-plan', 'plan.json', '--directory', 'd-1234567890', '--offline'],
    says: '--directory does not apply with --terraform-plan: the plan says what it deploys, and wsdoctor checks each directory, image builder and fleet in it',
  },
  {
    what: '--offline without a plan',
    args: check('--offline'),
    says: '--offline checks a plan with no AWS access: add --terraform-plan <plan.json> or --cloudformation <template>',
  },
  {
    what: 'template parameters without a template',
    args: ['check', '--terraform-plan', 'plan.json', '--parameters', 'Env=prod'],
    says: '--parameters gives values to a template: add --cloudformation <template>',
  },
  {
    what: 'a template parameter in no form the aws CLI takes',
    args: ['check', '--cloudformation', 't.yaml', '--parameters', 'Env'],
    says: '--parameters "Env" is not file://params.json, ParameterKey=Name,ParameterValue=value or Name=value (names are alphanumeric)',
  },
  {
    what: 'a template with a tag CloudFormation does not have',
    args: ['check', '--cloudformation', 't.yaml', '--offline', '--region', 'eu-west-2'],
    files: { 't.yaml': 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Reference Cidr\n' },
    says: 't.yaml: line 5: Unresolved tag: !Reference',
  },
  {
    what: 'a template parameter the template does not declare',
    args: ['check', '--cloudformation', 't.yaml', '--offline', '--region', 'eu-west-2', '--parameters', 'Typo=1'],
    files: { 't.yaml': 'Parameters:\n  Cidr: {Type: String}\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref Cidr\n' },
    says: 't.yaml: --parameters names Typo, which the template does not declare (it declares Cidr)',
  },
  {
    what: 'collecting a plan into a bundle',
    args: ['collect', '--terraform-plan', 'plan.json', '-o', 'b.json'],
    says: 'collect records live state into a bundle: check a plan or template with `wsdoctor check --terraform-plan` or `--cloudformation`',
  },
];

/** The Markdown table the docs carry. */
export function badInputTable(): string {
  // Code spans keep <id> and the like from reading as HTML; a double-backtick span may contain a backtick.
  const code = (text: string) => {
    const escaped = text.replace(/\|/g, '\\|');
    return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
  };
  const shellWord = (arg: string) => (arg === '' ? "''" : /[\s"'`$]/.test(arg) ? `'${arg}'` : arg);
  const rows = BAD_INPUTS.map((c) => {
    const env = Object.entries(c.env ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value} `)
      .join('');
    const unset = Object.entries(c.env ?? {}).some(([, value]) => value === undefined) ? ' (no credentials set)' : '';
    return `| ${c.what} | ${code(`${env}wsdoctor ${c.args.map(shellWord).join(' ')}`)}${unset} | ${code(c.says)} |`;
  });
  return ['| what is wrong | example | what wsdoctor says (on stderr, exit 2) |', '|---|---|---|', ...rows].join('\n');
}
