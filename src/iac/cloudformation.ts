// Reads a CloudFormation template (JSON or YAML; a CDK app's cdk.out/*.template.json is one) into the planned world,
// resolving what is static: Ref to parameters (from --parameters, else their Default) and to resources (their
// address stands in for the id they will get), Fn::GetAtt where the template itself says the value (a VPC's
// CidrBlock), Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Cidr, Fn::If and the conditions, the
// pseudo parameters the run knows (AWS::Region). Fn::Select over Fn::GetAZs is kept as "the account's i-th zone",
// which the subnets fact resolves against the account's zones when it can read them. Everything else is an unknown
// marker saying what it is: such values are known only once the stack is created.
import { addSecret } from '../core/secrets.js';
import { isUnknown, unknownValue, type UnknownValue } from '../core/unknown.js';
import { loadTemplate } from './cfn-yaml.js';
import { inputError, isRecord, MAX_RESOURCES } from './limits.js';
import { emptyWorld, type Known, type PlannedBase, type PlannedWorld, type RouteSpec, type SecurityRule } from './model.js';

export interface TemplateOptions {
  /** Parameter values given with --parameters, by key. */
  parameters?: Readonly<Record<string, string>>;
  /** The Region the stack is for (--region), for AWS::Region and Fn::GetAZs. */
  region?: string;
}

/** The result of Fn::GetAZs: the account's zones, known only to AWS. */
class ZoneList {
  constructor(readonly region: string) {}
}
/** Fn::Select [i, Fn::GetAZs]: the i-th zone of the account's list. */
class ZonePick {
  constructor(readonly index: number) {}
}

type Value = unknown;

/** Reads template text; `file` names it in messages and locations. */
export function cloudFormationWorld(text: string, file: string, options: TemplateOptions = {}): PlannedWorld {
  const { value, resourceLines } = loadTemplate(text, file);
  if (!isRecord(value)) throw inputError(file, 'is not a CloudFormation template: expected a mapping with Resources');
  if (Object.hasOwn(value, 'resource_changes') || Object.hasOwn(value, 'format_version')) {
    throw inputError(file, 'is a Terraform plan, not a CloudFormation template: pass it with --terraform-plan');
  }
  if (!isRecord(value.Resources)) throw inputError(file, 'is not a CloudFormation template: it has no Resources mapping');
  const count = Object.keys(value.Resources).length;
  if (count > MAX_RESOURCES) throw inputError(file, `has ${count} resources; wsdoctor reads at most ${MAX_RESOURCES}`);
  return new TemplateReader(value, file, resourceLines, options).read();
}

class TemplateReader {
  private readonly world: PlannedWorld;
  private readonly resources: Record<string, Record<string, unknown>>;
  private readonly parameters = new Map<string, Known<unknown>>();
  private readonly conditions = new Map<string, Known<boolean>>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly template: Record<string, unknown>,
    private readonly file: string,
    private readonly lines: Map<string, number>,
    private readonly options: TemplateOptions,
  ) {
    this.world = emptyWorld('cloudformation', file);
    if (options.region) this.world.region = options.region;
    this.resources = {};
    for (const [logicalId, resource] of Object.entries(template.Resources as Record<string, unknown>)) {
      if (!isRecord(resource) || typeof resource.Type !== 'string') {
        throw inputError(file, `${this.where(logicalId)}Resources.${logicalId} has no Type: not a CloudFormation resource`);
      }
      this.resources[logicalId] = resource;
    }
    this.readParameters();
  }

  read(): PlannedWorld {
    // Attachments and associations name what they attach: read them after everything else.
    const late = (type: unknown) => type === 'AWS::EC2::VPCGatewayAttachment' || type === 'AWS::AppStream::StackFleetAssociation';
    const ordered = Object.entries(this.resources).sort(([, a], [, b]) => Number(late(a.Type)) - Number(late(b.Type)));
    for (const [logicalId, resource] of ordered) {
      const condition = resource.Condition;
      if (typeof condition === 'string' && this.condition(condition) === false) continue;
      this.add(logicalId, resource);
    }
    return this.world;
  }

  private where(logicalId: string): string {
    const line = this.lines.get(logicalId);
    return line ? `line ${line}: ` : '';
  }

  // ---- parameters and conditions ----------------------------------------------------------------------------

  private readParameters(): void {
    const declared = isRecord(this.template.Parameters) ? this.template.Parameters : {};
    const given = this.options.parameters ?? {};
    for (const key of Object.keys(given)) {
      if (!Object.hasOwn(declared, key)) {
        throw inputError(this.file, `--parameters names ${key}, which the template does not declare (it declares ${Object.keys(declared).join(', ') || 'none'})`);
      }
    }
    for (const [key, declaration] of Object.entries(declared)) {
      const spec = isRecord(declaration) ? declaration : {};
      const type = typeof spec.Type === 'string' ? spec.Type : 'String';
      const raw = Object.hasOwn(given, key) ? given[key] : spec.Default;
      if (spec.NoEcho === true || spec.NoEcho === 'true') addSecret(raw);
      if (raw === undefined || raw === null) {
        this.parameters.set(key, unknownValue(`parameter ${key} has no Default and --parameters gives it no value`));
      } else if (type.startsWith('AWS::SSM::Parameter::Value<')) {
        this.parameters.set(key, unknownValue(`parameter ${key} is read from SSM Parameter Store (${String(raw)}) when the stack is deployed`));
      } else if (type.startsWith('List<') || type === 'CommaDelimitedList') {
        this.parameters.set(key, Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((s) => s.trim()));
      } else {
        this.parameters.set(key, typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw);
      }
    }
  }

  private condition(name: string): Known<boolean> {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const declared = isRecord(this.template.Conditions) ? this.template.Conditions : {};
    if (!Object.hasOwn(declared, name)) throw inputError(this.file, `uses the condition ${name}, which Conditions does not declare`);
    if (this.evaluating.has(name)) throw inputError(this.file, `the condition ${name} refers to itself`);
    this.evaluating.add(name);
    const value = this.truth(declared[name], `condition ${name}`);
    this.evaluating.delete(name);
    this.conditions.set(name, value);
    return value;
  }

  private truth(expression: unknown, label: string): Known<boolean> {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    if (!isRecord(expression)) return unknownValue(`${label} cannot be evaluated before deployment`);
    const [fn, args] = Object.entries(expression)[0] ?? [];
    const list = Array.isArray(args) ? args : [];
    switch (fn) {
      case 'Condition':
        return typeof args === 'string' ? this.condition(args) : unknownValue(`${label} is malformed`);
      case 'Fn::Equals': {
        const [a, b] = list.map((item) => this.resolve(item, label));
        if (isUnknown(a) || isUnknown(b) || hasPlaceholder(a) || hasPlaceholder(b)) return unknownValue(`${label} depends on values known only at deployment`);
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not': {
        const inner = this.truth(list[0], label);
        return isUnknown(inner) ? inner : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = list.map((item) => this.truth(item, label));
        const decisive = fn === 'Fn::And' ? false : true;
        if (values.includes(decisive)) return decisive;
        return values.find(isUnknown) ?? !decisive;
      }
      default:
        return unknownValue(`${label} cannot be evaluated before deployment`);
    }
  }

  // ---- intrinsic functions ----------------------------------------------------------------------------------

  /** A property value with the static intrinsics resolved; `label` says where, for unknown markers. */
  private resolve(value: Value, label: string, depth = 0): Value {
    if (depth > 60) return unknownValue(`${label} nests intrinsic functions too deeply to resolve`);
    if (Array.isArray(value)) {
      return value.map((item) => this.resolve(item, label, depth + 1)).filter((item) => item !== NO_VALUE);
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition')) {
      return this.intrinsic(keys[0]!, value[keys[0]!], label, depth);
    }
    const out: Record<string, Value> = {};
    for (const key of keys) {
      const resolved = this.resolve(value[key], `${label}.${key}`, depth + 1);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private intrinsic(fn: string, args: Value, label: string, depth: number): Value {
    const next = (v: Value) => this.resolve(v, label, depth + 1);
    const list = Array.isArray(args) ? args : [];
    switch (fn) {
      case 'Ref':
        return typeof args === 'string' ? this.ref(args, label) : unknownValue(`${label}: Ref takes a name`);
      case 'Condition':
        return typeof args === 'string' ? this.condition(args) : unknownValue(`${label}: Condition takes a name`);
      case 'Fn::GetAtt': {
        const [resource, attribute] = typeof args === 'string' ? splitOnce(args, '.') : list.map((v) => next(v));
        return typeof resource === 'string' && typeof attribute === 'string'
          ? this.getAtt(resource, attribute, label)
          : unknownValue(`${label}: Fn::GetAtt is known only when the stack is created`);
      }
      case 'Fn::Sub':
        return this.sub(args, label, depth);
      case 'Fn::Join': {
        const [delimiter, items] = [next(list[0]), next(list[1])];
        if (typeof delimiter !== 'string' || !Array.isArray(items)) return firstUnknown([delimiter, items]) ?? unknownValue(`${label}: Fn::Join cannot be resolved before deployment`);
        const unknown = firstUnknown(items);
        if (unknown) return unknown;
        return items.some((i) => i instanceof ZoneList || i instanceof ZonePick)
          ? unknownValue(`${label} joins the account's Availability Zones, known only to AWS`)
          : items.map(String).join(delimiter);
      }
      case 'Fn::Select': {
        const index = Number(next(list[0]));
        const items = next(list[1]);
        if (items instanceof ZoneList) return Number.isInteger(index) && index >= 0 ? new ZonePick(index) : unknownValue(`${label}: Fn::Select index is not a number`);
        if (isUnknown(items)) return items;
        if (!Array.isArray(items) || !Number.isInteger(index) || index < 0 || index >= items.length) {
          return unknownValue(`${label}: Fn::Select [${String(list[0])}] has nothing to select`);
        }
        return items[index];
      }
      case 'Fn::GetAZs': {
        const region = next(args);
        return new ZoneList(typeof region === 'string' && region ? region : (this.options.region ?? ''));
      }
      case 'Fn::Split': {
        const [delimiter, source] = [next(list[0]), next(list[1])];
        if (typeof delimiter !== 'string' || typeof source !== 'string') return firstUnknown([delimiter, source]) ?? unknownValue(`${label}: Fn::Split cannot be resolved before deployment`);
        return source.split(delimiter);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = list.map((v) => next(v));
        const mappings = isRecord(this.template.Mappings) ? this.template.Mappings : {};
        const entry = typeof map === 'string' && isRecord(mappings[map]) ? (mappings[map] as Record<string, unknown>) : undefined;
        const row = entry && typeof top === 'string' && isRecord(entry[top]) ? (entry[top] as Record<string, unknown>) : undefined;
        if (row && typeof second === 'string' && Object.hasOwn(row, second)) return next(row[second]);
        return firstUnknown([map, top, second]) ?? unknownValue(`${label}: Fn::FindInMap finds no entry`);
      }
      case 'Fn::If': {
        const [name, whenTrue, whenFalse] = list;
        const truth = typeof name === 'string' ? this.condition(name) : unknownValue(`${label}: Fn::If takes a condition name`);
        if (isUnknown(truth)) return unknownValue(`${label} depends on ${String(name)}, which is decided only at deployment`);
        return next(truth ? whenTrue : whenFalse);
      }
      case 'Fn::Cidr': {
        const [block, count, bits] = list.map((v) => next(v));
        const unknown = firstUnknown([block, count, bits]);
        if (unknown) return unknown;
        const cidrs = typeof block === 'string' ? cidrSplit(block, Number(count), Number(bits)) : undefined;
        return cidrs ?? unknownValue(`${label}: Fn::Cidr over ${String(block)} cannot be computed here`);
      }
      case 'Fn::Base64': {
        const text = next(args);
        return typeof text === 'string' ? Buffer.from(text).toString('base64') : (firstUnknown([text]) ?? unknownValue(`${label}: Fn::Base64 of a non-string`));
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.truth({ [fn]: args }, label);
      case 'Fn::ImportValue':
        return unknownValue(`${label} is Fn::ImportValue, exported by another stack`);
      case 'Fn::Transform':
        return unknownValue(`${label} is made by a macro (Fn::Transform) at deployment`);
      default:
        return unknownValue(`${label} uses ${fn}, which wsdoctor does not evaluate`);
    }
  }

  private ref(name: string, label: string): Value {
    if (this.parameters.has(name)) return this.parameters.get(name);
    switch (name) {
      case 'AWS::Region':
        return this.options.region ?? unknownValue(`${label} is AWS::Region: pass --region`);
      case 'AWS::Partition':
        return partitionOf(this.options.region);
      case 'AWS::URLSuffix':
        return this.options.region?.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::AccountId':
      case 'AWS::StackName':
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return unknownValue(`${label} is ${name}, known at deployment`);
    }
    const resource = this.resources[name];
    if (!resource) throw inputError(this.file, `${label} refers to ${name}, which is neither a parameter nor a resource of the template`);
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    // What Ref returns depends on the type: a name for these, the physical id for the rest.
    const nameProperty: Record<string, string> = {
      'AWS::IAM::Role': 'RoleName',
      'AWS::AppStream::Fleet': 'Name',
      'AWS::AppStream::Stack': 'Name',
      'AWS::AppStream::ImageBuilder': 'Name',
      'AWS::KMS::Alias': 'AliasName',
    };
    const property = nameProperty[resource.Type as string];
    if (property) {
      const value = this.resolve(properties[property], `Resources.${name}.Properties.${property}`);
      return typeof value === 'string' ? value : unknownValue(`${label} is the name CloudFormation gives Resources.${name} at deployment`);
    }
    return addressOf(name);
  }

  private getAtt(name: string, attribute: string, label: string): Value {
    const resource = this.resources[name];
    if (!resource) throw inputError(this.file, `${label} uses Fn::GetAtt on ${name}, which is not a resource of the template`);
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const statics: Record<string, Record<string, string>> = {
      'AWS::EC2::VPC': { CidrBlock: 'CidrBlock' },
      'AWS::EC2::Subnet': { AvailabilityZone: 'AvailabilityZone', CidrBlock: 'CidrBlock', VpcId: 'VpcId' },
      'AWS::DirectoryService::SimpleAD': {},
      'AWS::IAM::Role': { RoleName: 'RoleName' },
      'AWS::AppStream::Fleet': {},
    };
    const property = statics[resource.Type as string]?.[attribute];
    if (property && Object.hasOwn(properties, property)) return this.resolve(properties[property], `Resources.${name}.Properties.${property}`);
    const ids: Record<string, string[]> = {
      'AWS::EC2::SecurityGroup': ['GroupId'],
      'AWS::KMS::Key': ['KeyId'],
      'AWS::EC2::Subnet': ['SubnetId'],
      'AWS::EC2::VPC': ['VpcId'],
    };
    if (ids[resource.Type as string]?.includes(attribute)) return addressOf(name);
    return unknownValue(`${label} is Resources.${name}.${attribute}, known once the stack is created`);
  }

  private sub(args: Value, label: string, depth: number): Value {
    const [template, variables] = typeof args === 'string' ? [args, {}] : Array.isArray(args) ? [args[0], args[1]] : [undefined, undefined];
    if (typeof template !== 'string') return unknownValue(`${label}: Fn::Sub takes a string`);
    const locals = isRecord(variables) ? variables : {};
    let unknown: UnknownValue | undefined;
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let value: Value;
      if (Object.hasOwn(locals, name)) value = this.resolve(locals[name], label, depth + 1);
      else if (name.includes('.') && !name.startsWith('AWS::')) value = this.getAtt(...splitOnce(name, '.'), label);
      else value = this.ref(name, label);
      if (isUnknown(value)) unknown ??= value;
      else if (typeof value !== 'string' && typeof value !== 'number') unknown ??= unknownValue(`${label}: \${${name}} is not a string`);
      return isUnknown(value) ? whole : String(value);
    });
    return unknown ?? text;
  }

  // ---- resources --------------------------------------------------------------------------------------------

  private add(logicalId: string, resource: Record<string, unknown>): void {
    const type = resource.Type as string;
    const address = addressOf(logicalId);
    const label = address;
    const raw = isRecord(resource.Properties) ? resource.Properties : {};
    const props = this.resolve(raw, `${label}.Properties`) as Record<string, Value>;
    const base: PlannedBase = {
      address,
      type,
      id: address,
      created: true,
      source: { file: this.file, ...(this.lines.get(logicalId) ? { line: this.lines.get(logicalId)! } : {}) },
    };
    const w = this.world;
    const p = (key: string) => settle(props[key], `${label}: ${key}`);
    const str = (key: string, fallback?: string): Known<string> | undefined => {
      const value = p(key);
      if (value === undefined || value === null) return fallback;
      return isUnknown(value) ? value : String(value);
    };
    const must = (key: string): Known<string> => str(key) ?? unknownValue(`${label}: ${key} is not set (CloudFormation names it at deployment)`);
    const bool = (key: string, fallback: boolean): Known<boolean> => {
      const value = p(key);
      if (isUnknown(value)) return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return typeof value === 'boolean' ? value : fallback;
    };
    const id = (value: Value): Known<string> => this.mention(base, settle(value, `${label}`));
    const ids = (value: Value): Known<string>[] => {
      const settled = settle(value, label);
      if (isUnknown(settled)) return [settled];
      return Array.isArray(settled) ? settled.map((v) => id(v)) : settled === undefined ? [] : [id(settled)];
    };
    const strings = (value: Value): Known<string>[] => {
      const settled = settle(value, label);
      if (isUnknown(settled)) return [settled];
      return Array.isArray(settled) ? settled.map((v) => (isUnknown(v) ? v : String(v))) : settled === undefined ? [] : [String(settled)];
    };
    const sub = (key: string): Record<string, Value> => (isRecord(props[key]) ? (props[key] as Record<string, Value>) : {});

    switch (type) {
      case 'AWS::EC2::VPC':
        w.vpcs.push({ ...base, cidrBlock: str('CidrBlock') ?? unknownValue(`${label}: CidrBlock is allocated by IPAM at deployment`) });
        return;
      case 'AWS::EC2::VPCCidrBlock':
        if (props.AmazonProvidedIpv6CidrBlock || props.Ipv6CidrBlock || props.Ipv6IpamPoolId) return;
        w.vpcCidrs.push({ ...base, vpcId: id(props.VpcId), cidrBlock: str('CidrBlock') ?? unknownValue(`${label}: CidrBlock is allocated by IPAM at deployment`) });
        return;
      case 'AWS::EC2::Subnet': {
        const zone = props.AvailabilityZone;
        const zoneId = str('AvailabilityZoneId');
        w.subnets.push({
          ...base,
          vpcId: id(props.VpcId),
          cidrBlock: str('CidrBlock') ?? unknownValue(`${label}: CidrBlock is allocated by IPAM at deployment`),
          ...(zone instanceof ZonePick
            ? { availabilityZoneIndex: zone.index, availabilityZone: unknownValue(`${label}: AvailabilityZone is Fn::Select [${zone.index}, Fn::GetAZs], a zone of the account's list`) }
            : zone !== undefined
              ? { availabilityZone: str('AvailabilityZone')! }
              : {}),
          ...(zoneId !== undefined ? { availabilityZoneId: zoneId } : {}),
          assignIpv6AddressOnCreation: bool('AssignIpv6AddressOnCreation', false),
          mapPublicIpOnLaunch: bool('MapPublicIpOnLaunch', false),
          ...(props.Ipv6CidrBlock !== undefined ? { ipv6CidrBlock: str('Ipv6CidrBlock')! } : {}),
        });
        return;
      }
      case 'AWS::EC2::RouteTable':
        w.routeTables.push({ ...base, vpcId: id(props.VpcId), routes: [] });
        return;
      case 'AWS::EC2::Route':
        w.routes.push({ ...base, routeTableId: id(props.RouteTableId), ...this.routeSpec(props, base) });
        return;
      case 'AWS::EC2::SubnetRouteTableAssociation':
        w.routeTableAssociations.push({ ...base, routeTableId: id(props.RouteTableId), subnetId: id(props.SubnetId) });
        return;
      case 'AWS::EC2::InternetGateway':
        w.internetGateways.push({ ...base });
        return;
      case 'AWS::EC2::VPCGatewayAttachment': {
        if (props.InternetGatewayId === undefined) return;
        const gateway = id(props.InternetGatewayId);
        const found = w.internetGateways.find((g) => g.id === gateway);
        if (found) found.vpcId = id(props.VpcId);
        else if (typeof gateway === 'string') w.internetGateways.push({ ...base, id: gateway, vpcId: id(props.VpcId) });
        return;
      }
      case 'AWS::EC2::NatGateway':
        w.natGateways.push({ ...base, subnetId: id(props.SubnetId), connectivityType: str('ConnectivityType', 'public')! });
        return;
      case 'AWS::EC2::SecurityGroup':
        w.securityGroups.push({
          ...base,
          name: str('GroupName') ?? unknownValue(`${label}: GroupName is chosen by CloudFormation at deployment`),
          vpcId: id(props.VpcId),
          ingress: (Array.isArray(props.SecurityGroupIngress) ? props.SecurityGroupIngress : []).map((r) => this.rule(r, base, 'SourceSecurityGroupId')),
          egress: (Array.isArray(props.SecurityGroupEgress) ? props.SecurityGroupEgress : []).map((r) => this.rule(r, base, 'DestinationSecurityGroupId')),
          defaultEgress: !Array.isArray(props.SecurityGroupEgress),
        });
        return;
      case 'AWS::EC2::SecurityGroupIngress':
      case 'AWS::EC2::SecurityGroupEgress': {
        const ingress = type.endsWith('Ingress');
        w.securityGroupRules.push({
          ...base,
          direction: ingress ? 'ingress' : 'egress',
          securityGroupId: id(props.GroupId),
          ...this.rule(props, base, ingress ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'),
        });
        return;
      }
      case 'AWS::DirectoryService::SimpleAD':
      case 'AWS::DirectoryService::MicrosoftAD': {
        const vpc = sub('VpcSettings');
        w.dsDirectories.push({
          ...base,
          name: must('Name'),
          ...(props.ShortName !== undefined ? { shortName: str('ShortName')! } : {}),
          directoryType: type.endsWith('SimpleAD') ? 'SimpleAD' : 'MicrosoftAD',
          ...(type.endsWith('SimpleAD') ? { size: str('Size', 'Small')! } : { edition: str('Edition', 'Enterprise')! }),
          vpcId: id(vpc.VpcId),
          subnetIds: ids(vpc.SubnetIds),
        });
        return;
      }
      case 'AWS::WorkSpaces::Workspace': {
        const rawKey = raw.VolumeEncryptionKey;
        const keyResource = this.referencedResource(rawKey);
        const properties = sub('WorkspaceProperties');
        w.workspaces.push({
          ...base,
          directoryId: id(props.DirectoryId),
          bundleId: id(props.BundleId),
          userName: must('UserName'),
          rootVolumeEncryptionEnabled: bool('RootVolumeEncryptionEnabled', false),
          userVolumeEncryptionEnabled: bool('UserVolumeEncryptionEnabled', false),
          ...(props.VolumeEncryptionKey !== undefined
            ? {
                volumeEncryptionKey: keyResource
                  ? unknownValue(`${label}: VolumeEncryptionKey names ${keyResource}, whose id and ARN are known once the stack is created`)
                  : str('VolumeEncryptionKey')!,
              }
            : {}),
          ...(keyResource ? { volumeEncryptionKeyResource: keyResource } : {}),
          properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, settle(v, `${label}: WorkspaceProperties.${k}`) as Known<unknown>])),
        });
        return;
      }
      case 'AWS::KMS::Key':
        w.kmsKeys.push({
          ...base,
          enabled: bool('Enabled', true),
          keyUsage: str('KeyUsage', 'ENCRYPT_DECRYPT')!,
          keySpec: str('KeySpec', 'SYMMETRIC_DEFAULT')!,
          multiRegion: bool('MultiRegion', false),
          ...(props.Description !== undefined ? { description: str('Description')! } : {}),
        });
        return;
      case 'AWS::KMS::Alias':
        w.kmsAliases.push({ ...base, name: must('AliasName'), targetKeyId: id(props.TargetKeyId) });
        return;
      case 'AWS::IAM::Role':
        w.iamRoles.push({
          ...base,
          name: str('RoleName') ?? unknownValue(`${label}: RoleName is chosen by CloudFormation at deployment`),
          assumeRolePolicy: p('AssumeRolePolicyDocument') ?? unknownValue(`${label}: AssumeRolePolicyDocument is not set`),
          managedPolicyArns: strings(props.ManagedPolicyArns),
          ...(props.PermissionsBoundary !== undefined ? { permissionsBoundary: str('PermissionsBoundary')! } : {}),
        });
        return;
      case 'AWS::AppStream::Fleet':
      case 'AWS::AppStream::ImageBuilder': {
        const vpc = sub('VpcConfig');
        const join = sub('DomainJoinInfo');
        const common = {
          ...base,
          name: must('Name'),
          instanceType: must('InstanceType'),
          ...(props.ImageName !== undefined ? { imageName: str('ImageName')! } : {}),
          ...(props.ImageArn !== undefined ? { imageArn: str('ImageArn')! } : {}),
          subnetIds: ids(vpc.SubnetIds),
          securityGroupIds: ids(vpc.SecurityGroupIds),
          enableDefaultInternetAccess: bool('EnableDefaultInternetAccess', false),
          ...(props.IamRoleArn !== undefined ? { iamRoleArn: str('IamRoleArn')! } : {}),
          ...(props.DomainJoinInfo !== undefined
            ? {
                domainJoin: Object.fromEntries(
                  Object.entries(join).map(([k, v]) => [k, settle(v, `${label}: DomainJoinInfo.${k}`) as Known<string>]),
                ),
              }
            : {}),
        };
        if (type === 'AWS::AppStream::Fleet') {
          const capacity = sub('ComputeCapacity');
          w.appstreamFleets.push({
            ...common,
            fleetType: str('FleetType', 'ON_DEMAND')!,
            ...(props.StreamView !== undefined ? { streamView: str('StreamView')! } : {}),
            ...(typeof capacity.DesiredInstances === 'number' ? { desiredInstances: capacity.DesiredInstances } : {}),
          });
        } else {
          w.appstreamImageBuilders.push(common);
        }
        return;
      }
      case 'AWS::AppStream::Stack':
        w.appstreamStacks.push({ ...base, name: must('Name'), fleetNames: [] });
        return;
      case 'AWS::AppStream::StackFleetAssociation': {
        const stack = str('StackName');
        const fleet = str('FleetName');
        const found = w.appstreamStacks.find((s) => s.name === stack);
        if (found && fleet !== undefined) found.fleetNames.push(fleet);
        return;
      }
      default:
        return;
    }
  }

  private routeSpec(props: Record<string, Value>, base: PlannedBase): RouteSpec {
    const spec: RouteSpec = {};
    const fields: [keyof RouteSpec, string][] = [
      ['destinationCidrBlock', 'DestinationCidrBlock'],
      ['destinationIpv6CidrBlock', 'DestinationIpv6CidrBlock'],
      ['destinationPrefixListId', 'DestinationPrefixListId'],
      ['gatewayId', 'GatewayId'],
      ['natGatewayId', 'NatGatewayId'],
      ['transitGatewayId', 'TransitGatewayId'],
      ['vpcPeeringConnectionId', 'VpcPeeringConnectionId'],
      ['networkInterfaceId', 'NetworkInterfaceId'],
      ['vpcEndpointId', 'VpcEndpointId'],
      ['instanceId', 'InstanceId'],
      ['carrierGatewayId', 'CarrierGatewayId'],
      ['localGatewayId', 'LocalGatewayId'],
      ['egressOnlyInternetGatewayId', 'EgressOnlyInternetGatewayId'],
      ['coreNetworkArn', 'CoreNetworkArn'],
    ];
    for (const [key, property] of fields) {
      if (props[property] === undefined) continue;
      const value = settle(props[property], `${base.address}: ${property}`);
      spec[key] = key.startsWith('destination') ? (isUnknown(value) ? value : String(value)) : this.mention(base, value);
    }
    return spec;
  }

  private rule(value: Value, base: PlannedBase, groupKey: string): SecurityRule {
    const rule = isRecord(value) ? value : {};
    const label = base.address;
    const text = (key: string) => {
      const v = settle(rule[key], `${label}: ${key}`);
      return v === undefined ? undefined : isUnknown(v) ? v : String(v);
    };
    const port = (key: string) => {
      const v = settle(rule[key], `${label}: ${key}`);
      return v === undefined ? undefined : isUnknown(v) ? v : Number(v);
    };
    const protocol = text('IpProtocol') ?? '-1';
    const fromPort = port('FromPort');
    const toPort = port('ToPort');
    const v4 = text('CidrIp');
    const v6 = text('CidrIpv6');
    const prefix = rule.SourcePrefixListId ?? rule.DestinationPrefixListId;
    const description = text('Description');
    return {
      protocol: isUnknown(protocol) ? protocol : ({ '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' }[protocol.toLowerCase()] ?? protocol.toLowerCase()),
      ...(fromPort !== undefined ? { fromPort } : {}),
      ...(toPort !== undefined ? { toPort } : {}),
      cidrIpv4: v4 !== undefined ? [v4] : [],
      cidrIpv6: v6 !== undefined ? [v6] : [],
      prefixListIds: prefix !== undefined ? [this.mention(base, settle(prefix, label))] : [],
      groupIds: rule[groupKey] !== undefined ? [this.mention(base, settle(rule[groupKey], label))] : [],
      ...(description !== undefined ? { description } : {}),
    };
  }

  /** An id-valued property: a planned resource's address, or a live id (remembered as named by `base`). */
  private mention(base: PlannedBase, value: Value): Known<string> {
    if (isUnknown(value)) return value;
    if (value === undefined || value === null) return unknownValue(`${base.address}: an id is not set`);
    if (typeof value !== 'string') return unknownValue(`${base.address}: an id is not a string`);
    if (!value.startsWith('Resources.') && !Object.hasOwn(this.world.mentions, value)) {
      this.world.mentions[value] = { address: base.address, source: base.source };
    }
    return value;
  }

  /** The resource a raw property value names through Ref or Fn::GetAtt (its address), if any. */
  private referencedResource(raw: Value): string | undefined {
    if (!isRecord(raw)) return undefined;
    const ref = raw.Ref;
    if (typeof ref === 'string' && this.resources[ref]) return addressOf(ref);
    const getAtt = raw['Fn::GetAtt'];
    const name = Array.isArray(getAtt) ? getAtt[0] : typeof getAtt === 'string' ? getAtt.split('.')[0] : undefined;
    return typeof name === 'string' && this.resources[name] ? addressOf(name) : undefined;
  }
}

// ---- helpers ------------------------------------------------------------------------------------------------

/** AWS::NoValue: the property is left out. */
const NO_VALUE = Symbol('AWS::NoValue');

export function addressOf(logicalId: string): string {
  return `Resources.${logicalId}`;
}

/** The value as a planned attribute: zone lists and picks left anywhere but a subnet's zone become unknown. */
function settle(value: Value, label: string): Value {
  if (value instanceof ZoneList) return unknownValue(`${label} is Fn::GetAZs, the account's zones`);
  if (value instanceof ZonePick) return unknownValue(`${label} is Fn::Select [${value.index}, Fn::GetAZs], a zone of the account's list`);
  if (Array.isArray(value)) return value.map((v) => settle(v, label));
  if (isRecord(value) && !isUnknown(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, settle(v, label)]));
  return value;
}

function hasPlaceholder(value: Value): boolean {
  return typeof value === 'string' ? value.startsWith('Resources.') : Array.isArray(value) && value.some(hasPlaceholder);
}

function firstUnknown(values: Value[]): UnknownValue | undefined {
  return values.find(isUnknown) as UnknownValue | undefined;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function partitionOf(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Fn::Cidr for IPv4: `count` blocks of `bits` host bits each, from the start of `block`. */
export function cidrSplit(block: string, count: number, bits: number): string[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
  if (!match || !Number.isInteger(count) || !Number.isInteger(bits) || count < 1 || count > 256 || bits < 0) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const newPrefix = 32 - bits;
  if (newPrefix < prefix || newPrefix > 32 || count > 2 ** (newPrefix - prefix)) return undefined;
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** bits;
  const start = base - (base % 2 ** (32 - prefix));
  return Array.from({ length: count }, (_, i) => {
    const n = start + i * size;
    return `${[24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')}/${newPrefix}`;
  });
}
