// Which OS this machine runs: the login URI forms and the client versions the guides list differ per platform.
import { arch, release } from 'node:os';
import { defineFact } from '../define.js';

export interface ClientMachine {
  platform: NodeJS.Platform;
  release: string;
  arch: string;
}

export default defineFact({
  name: 'clientMachine',
  description: 'the operating system this machine runs (platform, release, architecture)',
  iamActions: [],
  dependsOn: [],
  async collect(): Promise<ClientMachine> {
    return { platform: process.platform, release: release(), arch: arch() };
  },
});
