// wsdoctor is read-only, always. Every SDK client gets this middleware: it refuses any operation that is not a
// Describe*, List* or Get* (or one its service file names as read-only) before it leaves the machine, and tags errors
// with the IAM action that failed so a denied call can be reported as the permission the caller lacks.

/** What wsdoctor needs of any SDK v3 client. */
export interface AnyClient {
  constructor: { name: string };
  middlewareStack: {
    add(middleware: unknown, options: { step: string; name: string; priority?: string }): void;
    addRelativeTo(middleware: unknown, options: { name: string; relation: 'before' | 'after'; toMiddleware: string }): void;
  };
  destroy(): void;
}

export const READ_ONLY_OPERATION = /^(Describe|List|Get)[A-Z]/;

/**
 * Operations that only read although their names do not say so: CloudTrail's LookupEvents (it reads the event
 * history), IAM's SimulatePrincipalPolicy (it evaluates, changes nothing) and STS's AssumeRole (it issues
 * temporary credentials for a read-only role). A service file may allow one of these, and no other.
 */
export const NAMED_READ_ONLY_ACTIONS: ReadonlySet<string> = new Set([
  'cloudtrail:LookupEvents',
  'iam:SimulatePrincipalPolicy',
  'sts:AssumeRole',
]);

export class MutatingCallRefused extends Error {
  constructor(readonly iamAction: string) {
    super(`wsdoctor is read-only and refused to call ${iamAction}`);
    this.name = 'MutatingCallRefused';
  }
}

export function iamActionOf(iamPrefix: string, commandName: string): string {
  return `${iamPrefix}:${commandName.replace(/Command$/, '')}`;
}

/** Whether wsdoctor may call `operation` of the service with this prefix. */
export function isReadOnly(iamPrefix: string, operation: string, allowed: readonly string[] = []): boolean {
  if (READ_ONLY_OPERATION.test(operation)) return true;
  return allowed.includes(operation) && NAMED_READ_ONLY_ACTIONS.has(`${iamPrefix}:${operation}`);
}

export function guardReadOnly(
  client: AnyClient,
  service: { iamPrefix: string; readOnlyOperations?: readonly string[] },
  onCall?: (iamAction: string) => void,
): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        const commandName = context.commandName ?? 'Unknown';
        const operation = commandName.replace(/Command$/, '');
        const iamAction = iamActionOf(service.iamPrefix, commandName);
        if (!isReadOnly(service.iamPrefix, operation, service.readOnlyOperations)) throw new MutatingCallRefused(iamAction);
        onCall?.(iamAction);
        try {
          return await next(args);
        } catch (error) {
          if (error && typeof error === 'object') (error as { iamAction?: string }).iamAction = iamAction;
          throw error;
        }
      },
    { step: 'initialize', name: 'wsdoctorReadOnly', priority: 'high' },
  );
}
