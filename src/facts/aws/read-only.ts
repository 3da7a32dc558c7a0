// wsdoctor is read-only, always. Every SDK client gets this middleware: it refuses any operation that is not a
// Describe*, List* or Get* before it leaves the machine, and tags errors with the IAM action that failed so a
// denied call can be reported as the permission the caller lacks.
/** The IAM service prefix for each SDK client, used to name the action behind every call. */
export const IAM_PREFIX = {
  EC2Client: 'ec2',
  WorkSpacesClient: 'workspaces',
  DirectoryServiceClient: 'ds',
  AppStreamClient: 'appstream',
} as const;

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

export class MutatingCallRefused extends Error {
  constructor(readonly iamAction: string) {
    super(`wsdoctor is read-only and refused to call ${iamAction}`);
    this.name = 'MutatingCallRefused';
  }
}

export function iamActionOf(clientName: string, commandName: string): string {
  const prefix = IAM_PREFIX[clientName as keyof typeof IAM_PREFIX] ?? clientName.replace(/Client$/, '').toLowerCase();
  return `${prefix}:${commandName.replace(/Command$/, '')}`;
}

export function guardReadOnly(client: AnyClient, onCall?: (iamAction: string) => void): void {
  const clientName = client.constructor.name;
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        const commandName = context.commandName ?? 'Unknown';
        const operation = commandName.replace(/Command$/, '');
        const iamAction = iamActionOf(clientName, commandName);
        if (!READ_ONLY_OPERATION.test(operation)) throw new MutatingCallRefused(iamAction);
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
