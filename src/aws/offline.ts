// The clients of a run told not to reach AWS (--offline, with a plan): every AWS call is refused before any SDK is
// loaded or any credential resolved, as a fact failure of kind `offline` (the checks that need it skip, saying so).
import { FactError, OFFLINE_CALL } from '../core/failure.js';
import { AwsClients, type ServiceClient } from './clients.js';
import type { ServiceDefinition } from './service.js';

export class OfflineClients extends AwsClients {
  constructor(region: string) {
    super({ region, timeoutMs: 1, maxAttempts: 1 });
  }

  override use<Sdk, Client>(_service: ServiceDefinition<Sdk, Client>): Promise<ServiceClient<Sdk, Client>> {
    return Promise.reject(new FactError({ kind: 'offline', message: OFFLINE_CALL }));
  }

  override credentials(): never {
    throw new FactError({ kind: 'offline', message: OFFLINE_CALL });
  }
}
