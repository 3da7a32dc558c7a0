// Reads the JSON of `terraform show -json <planfile>` (format_version 1.x) into the planned world. A resource's
// values come from its planned `after` state; what `after_unknown` marks is known only after apply, and is then
// followed through the `configuration`'s references (across module outputs and inputs): an unknown subnet id that
// references aws_subnet.private_b becomes that planned subnet, a key ARN that references aws_kms_key.ws stays
// unknown but points at the key. What cannot be followed stays an unknown marker, naming the attribute.
// Resources are read from `resource_changes` (everything the plan keeps, creates or changes; deletions leave the
// world); `prior_state` holds what data sources read at plan time and the values of resources that exist.
import { addSecret } from '../core/secrets.js';
import { isUnknown, unknownValue } from '../core/unknown.js';
import { inputError, isRecord, MAX_RESOURCES } from './limits.js';
import {
  emptyWorld,
  type Known,
  type PlannedBase,
  type PlannedWorld,
  type RouteSpec,
  type SecurityRule,
  type SourceLocation,
} from './model.js';

/** Where a resource block is written: by module path ('' for the root module, 'module.net') and "type.name". */
export type SourceLookup = (modulePath: string, typeAndName: string) => SourceLocation | undefined;

type Json = Record<string, unknown>;

interface Change {
  address: string;
  /** module.net, module.net[0].module.sub, '' for the root module. */
  moduleAddress: string;
  mode: string;
  type: string;
  name: string;
  actions: string[];
  after: Json;
  afterUnknown: unknown;
  before: Json | null;
}

interface Reference {
  /** The address referenced, in the referencing module (aws_subnet.a, aws_subnet.a[0], data.aws_subnet.x). */
  address: string;
  attribute?: string;
  text: string;
}

/** Reads a parsed plan; `file` names it in messages and locations. */
export function terraformWorld(plan: unknown, file: string, sources?: SourceLookup): PlannedWorld {
  if (!isRecord(plan)) throw inputError(file, 'is not a Terraform plan: expected the JSON object `terraform show -json <planfile>` writes');
  const version = plan.format_version;
  if (typeof version !== 'string') {
    throw inputError(file, 'is not a Terraform plan: it has no format_version (write it with `terraform show -json <planfile>`)');
  }
  if (!/^1\.\d+$/.test(version)) {
    throw inputError(file, `has format_version ${JSON.stringify(version).slice(0, 20)}; wsdoctor reads Terraform's plan JSON format 1.x`);
  }
  if (!Array.isArray(plan.resource_changes)) {
    const hint = isRecord(plan.values) ? ' (this is `terraform show -json` of a state, not of a plan file)' : '';
    throw inputError(file, `is not a Terraform plan: it has no resource_changes${hint}`);
  }
  if (plan.resource_changes.length > MAX_RESOURCES) {
    throw inputError(file, `has ${plan.resource_changes.length} resource changes; wsdoctor reads at most ${MAX_RESOURCES}`);
  }
  return new PlanReader(plan, file, sources).read();
}

class PlanReader {
  private readonly world: PlannedWorld;
  private readonly changes = new Map<string, Change>();
  /** Values of resources and data sources in the prior state, by address. */
  private readonly prior = new Map<string, Json>();
  private readonly config: Json;

  constructor(
    private readonly plan: Json,
    private readonly file: string,
    private readonly sources: SourceLookup | undefined,
  ) {
    this.world = emptyWorld('terraform-plan', file);
    this.config = isRecord(plan.configuration) ? plan.configuration : {};
    for (const raw of plan.resource_changes as unknown[]) {
      const change = this.changeOf(raw);
      if (change) this.changes.set(change.address, change);
    }
    const priorRoot = isRecord(plan.prior_state) && isRecord(plan.prior_state.values) ? plan.prior_state.values.root_module : undefined;
    this.collectPrior(priorRoot, 0);
  }

  read(): PlannedWorld {
    const region = this.region();
    if (region) this.world.region = region;
    // Attachments and associations name what they attach: read them after everything else.
    const late = (change: Change) => ['aws_internet_gateway_attachment', 'aws_appstream_fleet_stack_association'].includes(change.type);
    const ordered = [...this.changes.values()].sort((a, b) => Number(late(a)) - Number(late(b)));
    for (const change of ordered) {
      if (change.mode !== 'managed' || !this.kept(change)) continue;
      this.add(change);
    }
    return this.world;
  }

  // ---- the plan's shape -------------------------------------------------------------------------------------

  private changeOf(raw: unknown): Change | undefined {
    if (!isRecord(raw) || typeof raw.address !== 'string' || typeof raw.type !== 'string' || !isRecord(raw.change)) {
      throw inputError(this.file, 'has a resource change without an address, a type or a change: not a Terraform plan');
    }
    const change = raw.change;
    const actions = Array.isArray(change.actions) ? change.actions.filter((a): a is string => typeof a === 'string') : [];
    const after = isRecord(change.after) ? change.after : {};
    registerSensitive(after, change.after_sensitive);
    return {
      address: raw.address,
      moduleAddress: typeof raw.module_address === 'string' ? raw.module_address : '',
      mode: typeof raw.mode === 'string' ? raw.mode : 'managed',
      type: raw.type,
      name: typeof raw.name === 'string' ? raw.name : raw.address,
      actions,
      after,
      afterUnknown: change.after_unknown ?? {},
      before: isRecord(change.before) ? change.before : null,
    };
  }

  /** Deleted resources leave the world; a replacement is a new resource. */
  private kept(change: Change): boolean {
    return !(change.actions.length === 1 && change.actions[0] === 'delete') && !change.actions.includes('forget');
  }

  private created(change: Change): boolean {
    return change.actions.includes('create');
  }

  private collectPrior(module: unknown, depth: number): void {
    if (!isRecord(module) || depth > 20) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isRecord(resource) && typeof resource.address === 'string' && isRecord(resource.values)) {
        this.prior.set(resource.address, resource.values);
      }
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) this.collectPrior(child, depth + 1);
  }

  private region(): string | undefined {
    const providers = isRecord(this.config.provider_config) ? this.config.provider_config : {};
    const aws = providers.aws;
    if (!isRecord(aws) || !isRecord(aws.expressions)) return undefined;
    const region = aws.expressions.region;
    if (!isRecord(region)) return undefined;
    if (typeof region.constant_value === 'string') return region.constant_value;
    // region = var.region: the root module's variables are in the plan with their values.
    const variable = (Array.isArray(region.references) ? region.references : []).find((r): r is string => typeof r === 'string' && r.startsWith('var.'));
    const variables = isRecord(this.plan.variables) ? this.plan.variables : {};
    const value = variable ? variables[variable.slice(4)] : undefined;
    return isRecord(value) && typeof value.value === 'string' ? value.value : undefined;
  }

  /** The module configuration at a module address (instance keys dropped: every instance shares it). */
  private moduleConfig(moduleAddress: string): Json | undefined {
    let module = isRecord(this.config.root_module) ? this.config.root_module : undefined;
    if (!moduleAddress) return module;
    for (const name of moduleNames(moduleAddress)) {
      const calls = module && isRecord(module.module_calls) ? module.module_calls : {};
      const call = calls[name];
      module = isRecord(call) && isRecord(call.module) ? call.module : undefined;
      if (!module) return undefined;
    }
    return module;
  }

  private moduleCall(moduleAddress: string): Json | undefined {
    const names = moduleNames(moduleAddress);
    const parent = this.moduleConfig(parentModule(moduleAddress));
    const calls = parent && isRecord(parent.module_calls) ? parent.module_calls : {};
    const call = calls[names.at(-1) ?? ''];
    return isRecord(call) ? call : undefined;
  }

  private expressions(change: Change): Json {
    const module = this.moduleConfig(change.moduleAddress);
    const resources = module && Array.isArray(module.resources) ? module.resources : [];
    const found = resources.find(
      (r): r is Json => isRecord(r) && r.mode === change.mode && r.type === change.type && r.name === change.name,
    );
    return found && isRecord(found.expressions) ? found.expressions : {};
  }

  // ---- values -----------------------------------------------------------------------------------------------

  /** The value at `path` of the planned state, or `undefined` when it is known only after apply. */
  private afterValue(change: Change, path: readonly (string | number)[]): { known: boolean; value: unknown } {
    let value: unknown = change.after;
    let unknown: unknown = change.afterUnknown;
    for (const key of path) {
      if (unknown === true) return { known: false, value: undefined };
      unknown = isRecord(unknown) || Array.isArray(unknown) ? (unknown as Record<string | number, unknown>)[key] : undefined;
      value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
    }
    if (unknown === true) return { known: false, value: undefined };
    return { known: true, value };
  }

  /** The references written for the attribute at `path` (block indexes included), in the resource's module. */
  private referencesAt(change: Change, path: readonly (string | number)[]): string[] {
    const expression = this.expressionAt(change, path);
    if (!isRecord(expression) || !Array.isArray(expression.references)) return [];
    const references = expression.references.filter((r): r is string => typeof r === 'string');
    // Written for a whole attribute (aws_route_table's `route = [...]`): keep the references that can be this field.
    if ((expression as Record<symbol, unknown>)[INHERITED] && typeof path.at(-1) === 'string') {
      const field = path.at(-1) as string;
      return references.filter((r) => {
        const parsed = parseReference(r);
        return parsed?.kind === 'resource' && fits(field, parsed.address.split('.').at(-2) ?? '');
      });
    }
    return references;
  }

  /** Whether the configuration sets the attribute at all (an unset optional-and-computed one is the provider's). */
  private configured(change: Change, path: readonly (string | number)[]): boolean {
    return this.expressionAt(change, path) !== undefined;
  }

  private expressionAt(change: Change, path: readonly (string | number)[]): unknown {
    let expression: unknown = this.expressions(change);
    for (const [i, key] of path.entries()) {
      // An expression for the whole attribute (not written as blocks): its references stand for every field in it.
      if (isRecord(expression) && (Array.isArray(expression.references) || 'constant_value' in expression) && i > 0) {
        return { ...expression, [INHERITED]: true };
      }
      if (typeof key === 'number') {
        // A block's expressions are a list with one entry per block written; a value list has none.
        expression = Array.isArray(expression) ? (expression[key] ?? expression[0]) : expression;
      } else {
        expression = isRecord(expression) ? expression[key] : Array.isArray(expression) && isRecord(expression[0]) ? expression[0][key] : undefined;
      }
    }
    return expression;
  }

  /** The resources `references` (written in `moduleAddress`) lead to, following module outputs and inputs. */
  private resolveReferences(references: readonly string[], moduleAddress: string, depth = 0): Reference[] {
    if (depth > 10) return [];
    const found: Reference[] = [];
    const seen = new Set<string>();
    const add = (reference: Reference) => {
      if (seen.has(reference.address)) {
        // "aws_subnet.a" after "aws_subnet.a.id": the attribute named first stands.
        return;
      }
      seen.add(reference.address);
      found.push(reference);
    };
    // Terraform lists "aws_subnet.a.id" and then "aws_subnet.a" for one traversal: take the longer first.
    const ordered = [...references].sort((a, b) => (a.startsWith(`${b}.`) ? -1 : b.startsWith(`${a}.`) ? 1 : 0));
    for (const text of ordered) {
      const parsed = parseReference(text);
      if (!parsed) continue;
      if (parsed.kind === 'resource') {
        const full = moduleAddress ? `${moduleAddress}.${parsed.address}` : parsed.address;
        add({ address: full, ...(parsed.attribute ? { attribute: parsed.attribute } : {}), text });
      } else if (parsed.kind === 'module-output') {
        const child = moduleAddress ? `${moduleAddress}.module.${parsed.module}` : `module.${parsed.module}`;
        const config = this.moduleConfig(child);
        const outputs = config && isRecord(config.outputs) ? config.outputs : {};
        const output = outputs[parsed.output];
        const inner = isRecord(output) && isRecord(output.expression) && Array.isArray(output.expression.references) ? output.expression.references : [];
        for (const instance of this.moduleInstances(child)) {
          for (const reference of this.resolveReferences(inner.filter((r): r is string => typeof r === 'string'), instance, depth + 1)) add(reference);
        }
      } else if (parsed.kind === 'variable' && moduleAddress) {
        const call = this.moduleCall(moduleAddress);
        const expression = call && isRecord(call.expressions) ? call.expressions[parsed.name] : undefined;
        const outer = isRecord(expression) && Array.isArray(expression.references) ? expression.references : [];
        for (const reference of this.resolveReferences(outer.filter((r): r is string => typeof r === 'string'), parentModule(moduleAddress), depth + 1)) add(reference);
      }
    }
    return found;
  }

  /** The instances of a module call that the plan has (module.net, or module.net[0], module.net["a"]). */
  private moduleInstances(moduleAddress: string): string[] {
    const instances = new Set<string>();
    for (const change of this.changes.values()) {
      if (change.moduleAddress === moduleAddress || change.moduleAddress.startsWith(`${moduleAddress}[`)) {
        const end = change.moduleAddress.indexOf('.', moduleAddress.length);
        instances.add(end < 0 ? change.moduleAddress : change.moduleAddress.slice(0, end));
      }
    }
    return instances.size > 0 ? [...instances] : [moduleAddress];
  }

  /** The planned (or prior) resources an address names: itself, or every instance of a resource with count/for_each. */
  private instances(address: string): string[] {
    const exact = this.changes.has(address) || this.prior.has(address) ? [address] : [];
    if (exact.length > 0) return exact;
    const prefix = `${address}[`;
    const many = [...this.changes.keys(), ...this.prior.keys()].filter((a) => a.startsWith(prefix) && a.indexOf('.', a.lastIndexOf(']')) < 0);
    return [...new Set(many)];
  }

  /** The value an attribute of another resource has (or will have): its placeholder id when it is created. */
  private attributeOf(address: string, attribute: string | undefined, source: string): unknown {
    const change = this.changes.get(address);
    const attr = attribute ?? 'id';
    if (change && this.kept(change)) {
      if (attr === 'id' || (change.type === 'aws_workspaces_directory' && attr === 'directory_id')) return this.idOf(change);
      const value = this.afterValue(change, [attr]);
      if (value.known && value.value !== null && value.value !== undefined) return value.value;
      return unknownValue(`${source} is ${address}.${attr}, known after apply`);
    }
    const prior = this.prior.get(address);
    if (prior && prior[attr] !== undefined && prior[attr] !== null) return prior[attr];
    return unknownValue(`${source} is ${address}.${attr}, not known from the plan`);
  }

  /** A planned resource's id: its live id when it exists, else its address (its directory's, for a registration). */
  private idOf(change: Change, depth = 0): string {
    if (change.type === 'aws_workspaces_directory' && depth < 5) {
      const directory = this.scalar(change, ['directory_id']);
      if (typeof directory === 'string') return directory;
    }
    const after = this.afterValue(change, ['id']);
    if (after.known && typeof after.value === 'string' && after.value) return after.value;
    if (!this.created(change) && typeof change.before?.id === 'string') return change.before.id;
    return change.address;
  }

  /** A scalar attribute: its planned value, else what its references lead to, else an unknown marker. */
  private scalar(change: Change, path: readonly (string | number)[]): Known<unknown> {
    const value = this.afterValue(change, path);
    if (value.known) return value.value ?? undefined;
    const label = `${change.address}: ${pathLabel(path)}`;
    const [reference] = this.resolveReferences(this.referencesAt(change, path), change.moduleAddress);
    if (reference) {
      const [instance] = this.instances(reference.address);
      if (instance) return this.attributeOf(instance, reference.attribute, label);
    }
    return unknownValue(`${label} is known after apply`);
  }

  /**
   * A list attribute (of ids, CIDRs…): known elements as planned, unknown ones from the references. `unset` is its
   * value when the configuration does not set it and the plan leaves it to the provider (a new role's
   * managed_policy_arns: none).
   */
  private list(change: Change, path: readonly (string | number)[], unset?: unknown[]): Known<unknown>[] {
    const value = this.afterValue(change, path);
    if (!value.known && unset && this.created(change) && !this.configured(change, path)) return unset;
    const label = `${change.address}: ${pathLabel(path)}`;
    const fromReferences = () =>
      this.resolveReferences(this.referencesAt(change, path), change.moduleAddress).flatMap((reference) =>
        this.instances(reference.address).map((instance) => this.attributeOf(instance, reference.attribute, label)),
      );
    if (value.known && Array.isArray(value.value)) {
      const known: unknown[] = [];
      let anyUnknown = false;
      value.value.forEach((element, i) => {
        if (this.afterValue(change, [...path, i]).known) known.push(element);
        else anyUnknown = true;
      });
      if (!anyUnknown) return known;
      const resolved = fromReferences().filter((v) => !known.includes(v));
      return [...known, ...(resolved.length > 0 ? resolved : [unknownValue(`${label} is known after apply`)])];
    }
    if (value.known) return value.value === null || value.value === undefined ? [] : [value.value];
    // A list Terraform knows only after apply (a set with one unknown element is unknown whole): the resources it
    // references, and the values of the root module's variables written in it (an existing subnet's id).
    const resolved = [...fromReferences(), ...this.rootVariableValues(change, path)];
    return resolved.length > 0 ? resolved : [unknownValue(`${label} is known after apply`)];
  }

  /** The values of root-module variables an attribute's expression references (a module's own are its caller's). */
  private rootVariableValues(change: Change, path: readonly (string | number)[]): unknown[] {
    if (change.moduleAddress) return [];
    const variables = isRecord(this.plan.variables) ? this.plan.variables : {};
    return this.referencesAt(change, path).flatMap((text) => {
      const parsed = parseReference(text);
      if (parsed?.kind !== 'variable' || !/^var\.[A-Za-z0-9_-]+$/.test(text)) return [];
      const variable = variables[parsed.name];
      const value = isRecord(variable) ? variable.value : undefined;
      return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'string' ? [value] : [];
    });
  }

  private str(change: Change, path: readonly (string | number)[], fallback?: string): Known<string> | undefined {
    const value = this.scalar(change, path);
    if (isUnknown(value)) return value;
    if (value === undefined || value === null || value === '') return fallback;
    return typeof value === 'string' ? value : String(value);
  }

  private bool(change: Change, path: readonly (string | number)[], fallback: boolean): Known<boolean> {
    const value = this.scalar(change, path);
    if (isUnknown(value)) return value;
    return typeof value === 'boolean' ? value : fallback;
  }

  private num(change: Change, path: readonly (string | number)[]): Known<number> | undefined {
    const value = this.scalar(change, path);
    if (isUnknown(value)) return value;
    return typeof value === 'number' ? value : undefined;
  }

  /** Ids: strings (a live id is remembered as named by this resource, for where findings point). */
  private ids(change: Change, path: readonly (string | number)[]): Known<string>[] {
    return this.list(change, path).map((v) => this.asId(change, v));
  }

  private id(change: Change, path: readonly (string | number)[]): Known<string> {
    const value = this.scalar(change, path);
    return this.asId(change, value === undefined || value === null ? unknownValue(`${change.address}: ${pathLabel(path)} is not set`) : value);
  }

  private asId(change: Change, value: unknown): Known<string> {
    if (isUnknown(value)) return value;
    const id = String(value);
    if (!this.changes.has(id) && !Object.hasOwn(this.world.mentions, id)) {
      this.world.mentions[id] = { address: change.address, source: this.sourceOf(change) };
    }
    return id;
  }

  /** How many blocks of a nested block type the resource has (after apply, as planned). */
  private blocks(change: Change, path: readonly (string | number)[]): number {
    const value = this.afterValue(change, path);
    return value.known && Array.isArray(value.value) ? value.value.length : 0;
  }

  /** The planned resource a reference-valued attribute names (its id), when it names one. */
  private referencedResource(change: Change, path: readonly (string | number)[]): string | undefined {
    const [reference] = this.resolveReferences(this.referencesAt(change, path), change.moduleAddress);
    if (!reference) return undefined;
    const [instance] = this.instances(reference.address);
    const target = instance ? this.changes.get(instance) : undefined;
    return target ? this.idOf(target) : undefined;
  }

  private sourceOf(change: Change): SourceLocation {
    const local = change.address.slice(change.moduleAddress ? change.moduleAddress.length + 1 : 0).replace(/\[[^\]]*\]$/, '');
    return this.sources?.(moduleNames(change.moduleAddress).map((m) => `module.${m}`).join('.'), local) ?? { file: this.file };
  }

  private base(change: Change): PlannedBase {
    return { address: change.address, type: change.type, id: this.idOf(change), created: this.created(change), source: this.sourceOf(change) };
  }

  // ---- resource types -----------------------------------------------------------------------------------------

  private add(c: Change): void {
    const w = this.world;
    const base = () => this.base(c);
    switch (c.type) {
      case 'aws_vpc':
        w.vpcs.push({ ...base(), cidrBlock: this.str(c, ['cidr_block']) ?? unknownValue(`${c.address}: cidr_block is not set (IPAM)`) });
        return;
      case 'aws_vpc_ipv4_cidr_block_association':
        w.vpcCidrs.push({ ...base(), vpcId: this.id(c, ['vpc_id']), cidrBlock: this.str(c, ['cidr_block']) ?? unknownValue(`${c.address}: cidr_block is allocated by IPAM at apply`) });
        return;
      case 'aws_subnet': {
        const zone = this.str(c, ['availability_zone']);
        const zoneId = this.str(c, ['availability_zone_id']);
        w.subnets.push({
          ...base(),
          vpcId: this.id(c, ['vpc_id']),
          cidrBlock: this.str(c, ['cidr_block']) ?? unknownValue(`${c.address}: cidr_block is not set`),
          ...(zone !== undefined ? { availabilityZone: zone } : {}),
          ...(zoneId !== undefined ? { availabilityZoneId: zoneId } : {}),
          assignIpv6AddressOnCreation: this.bool(c, ['assign_ipv6_address_on_creation'], false),
          mapPublicIpOnLaunch: this.bool(c, ['map_public_ip_on_launch'], false),
          ...optional('ipv6CidrBlock', this.str(c, ['ipv6_cidr_block'])),
        });
        return;
      }
      case 'aws_route_table':
      case 'aws_default_route_table': {
        const main = c.type === 'aws_default_route_table';
        const vpcId = main ? this.defaultRouteTableVpc(c) : this.id(c, ['vpc_id']);
        const routes = Array.from({ length: this.blocks(c, ['route']) }, (_, i) => this.routeSpec(c, ['route', i], true));
        w.routeTables.push({ ...base(), vpcId, routes, ...(main ? { main: true } : {}) });
        return;
      }
      case 'aws_route':
        w.routes.push({ ...base(), routeTableId: this.id(c, ['route_table_id']), ...this.routeSpec(c, [], false) });
        return;
      case 'aws_route_table_association':
        w.routeTableAssociations.push({ ...base(), routeTableId: this.id(c, ['route_table_id']), ...optional('subnetId', this.optionalId(c, ['subnet_id'])) });
        return;
      case 'aws_main_route_table_association':
        w.routeTableAssociations.push({ ...base(), routeTableId: this.id(c, ['route_table_id']), mainForVpcId: this.id(c, ['vpc_id']) });
        return;
      case 'aws_internet_gateway':
        w.internetGateways.push({ ...base(), ...optional('vpcId', this.optionalId(c, ['vpc_id'])) });
        return;
      case 'aws_internet_gateway_attachment': {
        const gateway = this.id(c, ['internet_gateway_id']);
        const found = w.internetGateways.find((g) => g.id === gateway);
        if (found) found.vpcId = this.id(c, ['vpc_id']);
        else if (typeof gateway === 'string') w.internetGateways.push({ ...base(), id: gateway, vpcId: this.id(c, ['vpc_id']) });
        return;
      }
      case 'aws_nat_gateway':
        w.natGateways.push({ ...base(), subnetId: this.id(c, ['subnet_id']), connectivityType: this.str(c, ['connectivity_type'], 'public')! });
        return;
      case 'aws_security_group':
        w.securityGroups.push({
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is chosen at apply`),
          vpcId: this.id(c, ['vpc_id']),
          ingress: Array.from({ length: this.blocks(c, ['ingress']) }, (_, i) => this.inlineRule(c, ['ingress', i])),
          egress: Array.from({ length: this.blocks(c, ['egress']) }, (_, i) => this.inlineRule(c, ['egress', i])),
          defaultEgress: false,
        });
        return;
      case 'aws_security_group_rule': {
        const direction = this.str(c, ['type']) === 'egress' ? 'egress' : 'ingress';
        const source = this.optionalId(c, ['source_security_group_id']);
        w.securityGroupRules.push({
          ...base(),
          direction,
          securityGroupId: this.id(c, ['security_group_id']),
          protocol: protocolOf(this.str(c, ['protocol'], '-1')!),
          ...optional('fromPort', this.num(c, ['from_port'])),
          ...optional('toPort', this.num(c, ['to_port'])),
          cidrIpv4: this.list(c, ['cidr_blocks']).map(asString),
          cidrIpv6: this.list(c, ['ipv6_cidr_blocks']).map(asString),
          prefixListIds: this.ids(c, ['prefix_list_ids']),
          groupIds: source !== undefined ? [source] : [],
          ...(this.bool(c, ['self'], false) === true ? { self: true } : {}),
        });
        return;
      }
      case 'aws_vpc_security_group_ingress_rule':
      case 'aws_vpc_security_group_egress_rule': {
        const group = this.optionalId(c, ['referenced_security_group_id']);
        const prefixList = this.optionalId(c, ['prefix_list_id']);
        const v4 = this.str(c, ['cidr_ipv4']);
        const v6 = this.str(c, ['cidr_ipv6']);
        w.securityGroupRules.push({
          ...base(),
          direction: c.type.endsWith('egress_rule') ? 'egress' : 'ingress',
          securityGroupId: this.id(c, ['security_group_id']),
          protocol: protocolOf(this.str(c, ['ip_protocol'], '-1')!),
          ...optional('fromPort', this.num(c, ['from_port'])),
          ...optional('toPort', this.num(c, ['to_port'])),
          cidrIpv4: v4 !== undefined ? [v4] : [],
          cidrIpv6: v6 !== undefined ? [v6] : [],
          prefixListIds: prefixList !== undefined ? [prefixList] : [],
          groupIds: group !== undefined ? [group] : [],
        });
        return;
      }
      case 'aws_directory_service_directory': {
        const connector = this.str(c, ['type'], 'SimpleAD') === 'ADConnector';
        const settings = connector ? 'connect_settings' : 'vpc_settings';
        w.dsDirectories.push({
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is not set`),
          ...optional('shortName', this.str(c, ['short_name'])),
          directoryType: this.str(c, ['type'], 'SimpleAD')!,
          ...optional('size', this.str(c, ['size'])),
          ...optional('edition', this.str(c, ['edition'])),
          vpcId: this.id(c, [settings, 0, 'vpc_id']),
          subnetIds: this.ids(c, [settings, 0, 'subnet_ids']),
          ...(connector
            ? {
                customerDnsIps: this.list(c, ['connect_settings', 0, 'customer_dns_ips']).map(asString),
                ...optional('customerUserName', this.str(c, ['connect_settings', 0, 'customer_username'])),
              }
            : {}),
        });
        return;
      }
      case 'aws_workspaces_directory': {
        const subnets = this.afterValue(c, ['subnet_ids']);
        const subnetsGiven = !subnets.known || (Array.isArray(subnets.value) && subnets.value.length > 0) || this.referencesAt(c, ['subnet_ids']).length > 0;
        w.workspacesDirectories.push({
          ...base(),
          directoryId: this.id(c, ['directory_id']),
          ...(subnetsGiven ? { subnetIds: this.ids(c, ['subnet_ids']) } : {}),
          ipGroupIds: this.blocksOrList(c, ['ip_group_ids']),
          creationProperties: this.properties(c, 'workspace_creation_properties', {
            custom_security_group_id: 'CustomSecurityGroupId',
            default_ou: 'DefaultOu',
            enable_internet_access: 'EnableInternetAccess',
            enable_maintenance_mode: 'EnableMaintenanceMode',
            user_enabled_as_local_administrator: 'UserEnabledAsLocalAdministrator',
            // Unwritten, the provider sends no creation properties and the registration keeps WorkSpaces' default,
            // Access to Internet off (the guide's "Configure Automatic IP Addresses": it must be enabled).
          }, undefined, ['EnableInternetAccess']),
          selfservicePermissions: this.properties(c, 'self_service_permissions', {
            change_compute_type: 'ChangeComputeType',
            increase_volume_size: 'IncreaseVolumeSize',
            rebuild_workspace: 'RebuildWorkspace',
            restart_workspace: 'RestartWorkspace',
            switch_running_mode: 'SwitchRunningMode',
          }, enabledDisabled) as Record<string, Known<string>>,
          workspaceAccessProperties: this.properties(c, 'workspace_access_properties', {
            device_type_android: 'DeviceTypeAndroid',
            device_type_chromeos: 'DeviceTypeChromeOs',
            device_type_ios: 'DeviceTypeIos',
            device_type_linux: 'DeviceTypeLinux',
            device_type_osx: 'DeviceTypeOsx',
            device_type_web: 'DeviceTypeWeb',
            device_type_windows: 'DeviceTypeWindows',
            device_type_zeroclient: 'DeviceTypeZeroClient',
          }, (v) => (typeof v === 'string' ? v.toUpperCase() : v)) as Record<string, Known<string>>,
        });
        return;
      }
      case 'aws_workspaces_workspace': {
        const key = this.str(c, ['volume_encryption_key']);
        const keyResource = this.referencedResource(c, ['volume_encryption_key']);
        w.workspaces.push({
          ...base(),
          directoryId: this.id(c, ['directory_id']),
          bundleId: this.id(c, ['bundle_id']),
          userName: this.str(c, ['user_name']) ?? unknownValue(`${c.address}: user_name is not set`),
          rootVolumeEncryptionEnabled: this.bool(c, ['root_volume_encryption_enabled'], false),
          userVolumeEncryptionEnabled: this.bool(c, ['user_volume_encryption_enabled'], false),
          ...optional('volumeEncryptionKey', key),
          ...optional('volumeEncryptionKeyResource', keyResource),
          properties: this.properties(c, 'workspace_properties', {
            compute_type_name: 'ComputeTypeName',
            root_volume_size_gib: 'RootVolumeSizeGib',
            user_volume_size_gib: 'UserVolumeSizeGib',
            running_mode: 'RunningMode',
            running_mode_auto_stop_timeout_in_minutes: 'RunningModeAutoStopTimeoutInMinutes',
          }, undefined, ['ComputeTypeName']),
        });
        return;
      }
      case 'aws_workspaces_ip_group': {
        const rules = this.afterValue(c, ['rules']);
        w.ipGroups.push({
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is not set`),
          ...optional('description', this.str(c, ['description'])),
          rules: rules.known
            ? Array.from({ length: Array.isArray(rules.value) ? rules.value.length : 0 }, (_, i) => ({
                source: this.str(c, ['rules', i, 'source']) ?? unknownValue(`${c.address}: rules[${i}].source is not set`),
                ...optional('description', this.str(c, ['rules', i, 'description'])),
              }))
            : unknownValue(`${c.address}: rules are known after apply`),
        });
        return;
      }
      case 'aws_kms_key':
        w.kmsKeys.push({
          ...base(),
          enabled: this.bool(c, ['is_enabled'], true),
          keyUsage: this.str(c, ['key_usage'], 'ENCRYPT_DECRYPT')!,
          keySpec: this.str(c, ['customer_master_key_spec'], 'SYMMETRIC_DEFAULT')!,
          multiRegion: this.bool(c, ['multi_region'], false),
          ...optional('description', this.str(c, ['description'])),
        });
        return;
      case 'aws_kms_alias':
        w.kmsAliases.push({
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is chosen at apply`),
          targetKeyId: this.id(c, ['target_key_id']),
        });
        return;
      case 'aws_iam_role':
        w.iamRoles.push({
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is chosen at apply`),
          assumeRolePolicy: this.scalar(c, ['assume_role_policy']),
          managedPolicyArns: this.list(c, ['managed_policy_arns'], []).map(asString),
          ...optional('permissionsBoundary', this.str(c, ['permissions_boundary'])),
        });
        return;
      case 'aws_iam_role_policy_attachment':
        w.rolePolicyAttachments.push({
          ...base(),
          roleName: this.str(c, ['role']) ?? unknownValue(`${c.address}: role is not set`),
          policyArn: this.str(c, ['policy_arn']) ?? unknownValue(`${c.address}: policy_arn is not set`),
        });
        return;
      case 'aws_appstream_fleet':
      case 'aws_appstream_image_builder': {
        const common = {
          ...base(),
          name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is not set`),
          instanceType: this.str(c, ['instance_type']) ?? unknownValue(`${c.address}: instance_type is not set`),
          ...optional('imageName', this.str(c, ['image_name'])),
          ...optional('imageArn', this.str(c, ['image_arn'])),
          subnetIds: this.ids(c, ['vpc_config', 0, 'subnet_ids']),
          securityGroupIds: this.ids(c, ['vpc_config', 0, 'security_group_ids']),
          // Unset, the provider sends none and AppStream's default is off; Terraform still marks it known after apply.
          enableDefaultInternetAccess: this.configured(c, ['enable_default_internet_access']) ? this.bool(c, ['enable_default_internet_access'], false) : false,
          ...optional('iamRoleArn', this.str(c, ['iam_role_arn'])),
          ...(this.blocks(c, ['domain_join_info']) > 0
            ? {
                domainJoin: {
                  DirectoryName: this.str(c, ['domain_join_info', 0, 'directory_name']) ?? '',
                  OrganizationalUnitDistinguishedName: this.str(c, ['domain_join_info', 0, 'organizational_unit_distinguished_name']) ?? '',
                },
              }
            : {}),
        };
        if (c.type === 'aws_appstream_fleet') {
          w.appstreamFleets.push({
            ...common,
            fleetType: this.str(c, ['fleet_type'], 'ON_DEMAND')!,
            ...optional('streamView', this.str(c, ['stream_view'])),
            ...optional('desiredInstances', this.num(c, ['compute_capacity', 0, 'desired_instances'])),
          });
        } else {
          w.appstreamImageBuilders.push(common);
        }
        return;
      }
      case 'aws_appstream_stack':
        w.appstreamStacks.push({ ...base(), name: this.str(c, ['name']) ?? unknownValue(`${c.address}: name is not set`), fleetNames: [] });
        return;
      case 'aws_appstream_fleet_stack_association': {
        const stack = this.str(c, ['stack_name']);
        const fleet = this.str(c, ['fleet_name']);
        const found = w.appstreamStacks.find((s) => s.name === stack);
        if (found && fleet !== undefined) found.fleetNames.push(fleet);
        else if (typeof stack === 'string') w.appstreamStacks.push({ ...base(), name: stack, fleetNames: fleet !== undefined ? [fleet] : [] });
        return;
      }
      default:
        return;
    }
  }

  private optionalId(change: Change, path: readonly (string | number)[]): Known<string> | undefined {
    const value = this.scalar(change, path);
    if (value === undefined || value === null || value === '') return undefined;
    return this.asId(change, value);
  }

  /** ip_group_ids: a new registration the configuration gives none has none. */
  private blocksOrList(change: Change, path: readonly (string | number)[]): Known<string>[] {
    return this.list(change, path, []).map((v) => this.asId(change, v));
  }

  /** aws_default_route_table names the VPC through its default_route_table_id (aws_vpc.x.default_route_table_id). */
  private defaultRouteTableVpc(change: Change): Known<string> {
    const vpc = this.scalar(change, ['vpc_id']);
    if (typeof vpc === 'string') return vpc;
    const [reference] = this.resolveReferences(this.referencesAt(change, ['default_route_table_id']), change.moduleAddress);
    const [instance] = reference ? this.instances(reference.address) : [];
    const target = instance ? this.changes.get(instance) : undefined;
    if (target?.type === 'aws_vpc') return this.idOf(target);
    return unknownValue(`${change.address}: the VPC of the default route table is known after apply`);
  }

  private routeSpec(change: Change, path: readonly (string | number)[], inline: boolean): RouteSpec {
    const at = (name: string) => this.optionalId(change, [...path, name]);
    const spec: RouteSpec = {};
    const set = <K extends keyof RouteSpec>(key: K, value: RouteSpec[K] | undefined) => {
      if (value !== undefined) spec[key] = value;
    };
    set('destinationCidrBlock', this.optionalString(change, [...path, inline ? 'cidr_block' : 'destination_cidr_block']));
    set('destinationIpv6CidrBlock', this.optionalString(change, [...path, inline ? 'ipv6_cidr_block' : 'destination_ipv6_cidr_block']));
    set('destinationPrefixListId', at('destination_prefix_list_id'));
    set('gatewayId', at('gateway_id'));
    set('natGatewayId', at('nat_gateway_id'));
    set('transitGatewayId', at('transit_gateway_id'));
    set('vpcPeeringConnectionId', at('vpc_peering_connection_id'));
    set('networkInterfaceId', at('network_interface_id'));
    set('vpcEndpointId', at('vpc_endpoint_id'));
    set('carrierGatewayId', at('carrier_gateway_id'));
    set('localGatewayId', at('local_gateway_id'));
    set('egressOnlyInternetGatewayId', at('egress_only_gateway_id'));
    set('coreNetworkArn', this.optionalString(change, [...path, 'core_network_arn']));
    return spec;
  }

  private optionalString(change: Change, path: readonly (string | number)[]): Known<string> | undefined {
    const value = this.str(change, path);
    return value === '' ? undefined : value;
  }

  private inlineRule(change: Change, path: readonly (string | number)[]): SecurityRule {
    return {
      protocol: protocolOf(this.str(change, [...path, 'protocol'], '-1')!),
      ...optional('fromPort', this.num(change, [...path, 'from_port'])),
      ...optional('toPort', this.num(change, [...path, 'to_port'])),
      cidrIpv4: this.list(change, [...path, 'cidr_blocks']).map(asString),
      cidrIpv6: this.list(change, [...path, 'ipv6_cidr_blocks']).map(asString),
      prefixListIds: this.ids(change, [...path, 'prefix_list_ids']),
      groupIds: this.ids(change, [...path, 'security_groups']),
      ...(this.bool(change, [...path, 'self'], false) === true ? { self: true } : {}),
      ...optional('description', this.str(change, [...path, 'description'])),
    };
  }

  /** A nested block's attributes under the API's names (only those the plan sets). */
  private properties(
    change: Change,
    block: string,
    names: Record<string, string>,
    convert: (value: unknown) => unknown = (v) => v,
    unsetMeansDefault: readonly string[] = [],
  ): Record<string, Known<unknown>> {
    if (this.blocks(change, [block]) === 0) {
      const whole = this.afterValue(change, [block]);
      if (whole.known) return {};
      // A block the configuration does not write is the provider's to fill after apply; the fields in
      // `unsetMeansDefault` are then absent from the API call, which takes them from elsewhere (a WorkSpace's compute
      // type from its bundle), so they stay absent here too and the checks fall back as they do for live values.
      const unwritten = !this.configured(change, [block]);
      return Object.fromEntries(
        Object.values(names)
          .filter((api) => !(unwritten && unsetMeansDefault.includes(api)))
          .map((api) => [api, unknownValue(`${change.address}: ${block} is known after apply`)]),
      );
    }
    const out: Record<string, Known<unknown>> = {};
    for (const [attribute, api] of Object.entries(names)) {
      const value = this.scalar(change, [block, 0, attribute]);
      if (value === undefined || value === null || value === '') continue;
      out[api] = isUnknown(value) ? value : convert(value);
    }
    return out;
  }
}

// ---- helpers ------------------------------------------------------------------------------------------------

type ParsedReference =
  | { kind: 'resource'; address: string; attribute?: string }
  | { kind: 'module-output'; module: string; output: string }
  | { kind: 'variable'; name: string };

/** Marks references taken from an enclosing attribute's expression. */
const INHERITED = Symbol('inherited');

/** Whether a resource of `type` can be what a field named `field` holds: nat_gateway_id ← aws_nat_gateway. */
function fits(field: string, type: string): boolean {
  const stem = field.replace(/_ids?$/, '').replace(/s$/, '');
  if (stem === 'gateway') return /_(internet|vpn)_gateway$|_vpc_endpoint$/.test(type);
  return type.endsWith(`_${stem}`) || type === stem;
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self', 'data']);

/** "aws_subnet.a.id" · "aws_subnet.a[0]" · "data.aws_subnet.x.id" · "module.net.subnet_ids" · "var.x". */
export function parseReference(text: string): ParsedReference | undefined {
  const module = /^module\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_-]+)/.exec(text);
  if (module) return { kind: 'module-output', module: module[1]!, output: module[2]! };
  const variable = /^var\.([A-Za-z0-9_-]+)/.exec(text);
  if (variable) return { kind: 'variable', name: variable[1]! };
  const resource = /^(data\.)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)((?:\[[^\]]*\])?)(?:\.([A-Za-z0-9_]+))?/.exec(text);
  if (!resource) return undefined;
  const [, data = '', type = '', name = '', index = '', attribute] = resource;
  if (!data && NOT_RESOURCES.has(type)) return undefined;
  return { kind: 'resource', address: `${data}${type}.${name}${index}`, ...(attribute ? { attribute } : {}) };
}

/** module.a[0].module.b → ["a", "b"]. */
function moduleNames(moduleAddress: string): string[] {
  if (!moduleAddress) return [];
  return [...moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?/g)].map((m) => m[1]!);
}

function parentModule(moduleAddress: string): string {
  const index = moduleAddress.lastIndexOf('.module.');
  return index < 0 ? '' : moduleAddress.slice(0, index);
}

function pathLabel(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function asString(value: unknown): Known<string> {
  return isUnknown(value) ? value : String(value);
}

/** Terraform spells "all protocols" -1 or "all", and protocols by name or number; EC2 answers -1, tcp, udp… */
function protocolOf(protocol: Known<string>): Known<string> {
  if (isUnknown(protocol)) return protocol;
  const p = protocol.toLowerCase();
  if (p === 'all' || p === '-1') return '-1';
  return { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' }[p] ?? p;
}

function enabledDisabled(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 'ENABLED' : 'DISABLED') : value;
}

/** Terraform puts sensitive values in the plan in clear text, marking them in after_sensitive: none may leave. */
function registerSensitive(after: unknown, sensitive: unknown, depth = 0): void {
  if (depth > 50) return;
  if (sensitive === true) {
    const stack = [after];
    while (stack.length > 0) {
      const next = stack.pop();
      if (typeof next === 'string' && next.length >= 4) addSecret(next);
      else if (next && typeof next === 'object') stack.push(...Object.values(next));
    }
    return;
  }
  if (!sensitive || typeof sensitive !== 'object' || !after || typeof after !== 'object') return;
  for (const [key, mark] of Object.entries(sensitive)) registerSensitive((after as Record<string, unknown>)[key], mark, depth + 1);
}

