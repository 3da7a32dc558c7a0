/**
 * Ensures no installed application holds the image builder's own inbound ports (run on the builder: --local).
 * One finding per port: 8300 (streaming), 8000 and 8443 (management).
 * - PASS: nothing listens on the port, or the service the guide names for it does (DcvServer on 8300,
 *   PhotonAgentWebServer on 8443; for 8000, which the guide names no owner for, one of the builder's own services).
 * - WARN: 8000 is held by a process that is not one of the services the guide lists for the builder.
 * - FAIL: 8300 or 8443 is held by another process: named with its pid (and services on Windows).
 * - ERROR: the port is held, but the OS does not tell this user which process holds it.
 * - SKIP: not a Windows or Linux machine.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import {
  IMAGE_BUILDER_SERVICES,
  IMAGE_BUILDER_SERVICES_SOURCE,
  INSTANCE_PORTS,
  type InstancePort,
} from '../../src/data/appstream-image-builder.js';
import type { TcpListener, TcpListeners } from '../../src/facts/local/tcp-listeners.js';
import tcpListeners from '../../src/facts/local/tcp-listeners.js';

export default defineCheck({
  meta: {
    id: 'as-ib-port-conflicts',
    catalogId: 'G12',
    title: "No installed application holds the image builder's ports",
    scope: 'local',
    severity: 'high',
    tags: ['appstream', 'image-builder', 'guest', 'ports'],
    description:
      'Run on a WorkSpaces Applications (AppStream 2.0) image builder: reads which processes listen on TCP 8300, 8000 ' +
      'and 8443 (Windows: netstat -ano and tasklist /svc; Linux: /proc/net/tcp and /proc/*/fd).',
    rationale:
      'The streaming instance takes inbound TCP 8300 for the streaming connection and 8000 and 8443 for its management ' +
      'by the service. An installed application that uses them can leave an image builder made from the image stuck in Pending.',
    finds:
      'on an image builder, a process other than the builder\'s own services holds TCP 8300, 8000 or 8443 (names it: pid, image name, services)',
    facts: [tcpListeners],
    remediation: {
      summary:
        'Remove or reconfigure any installed application that uses TCP 8300, 8000 or 8443 before you create the image.',
      steps: [
        "Confirm that there aren't any installed applications that use inbound TCP 8300 (the streaming connection) or inbound TCP 8000 and 8443 (management of the streaming instance by WorkSpaces Applications).",
        'The image builder\'s own services hold some of them: PhotonAgentWebServer listens on 8443 and DcvServer on 8300.',
        'Move the conflicting application to another port or uninstall it, then create the image again. A builder already stuck in Pending is fixed by launching a new one from a recent custom image or an AWS base image.',
        'Also allow port 80 (HTTP) to 169.254.169.254 for the EC2 metadata service, and exclude that address from any proxy settings.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Port availability', lines: '37-42' },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'Antivirus software exceptions', lines: '43-57' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/management_ports.html',
    },
  },

  analyze({ tcpListeners }) {
    return INSTANCE_PORTS.map((port) => verdict(port, tcpListeners));
  },
});

function verdict(instancePort: InstancePort, { platform, listeners }: TcpListeners): FindingDraft {
  const { port, use, owner } = instancePort;
  const holders = listeners.filter((l) => l.port === port);
  const expected = owner ? [owner.service] : IMAGE_BUILDER_SERVICES;
  const draft = (status: FindingDraft['status'], message: string): FindingDraft => ({
    status,
    resource: `${port}/tcp`,
    message,
    evidence: {
      port,
      holders,
      expectedOwners: expected,
      dataSource: [instancePort.source, owner?.source ?? IMAGE_BUILDER_SERVICES_SOURCE],
    },
  });
  const label = `TCP ${port} (${use})`;
  if (holders.length === 0) return draft('pass', `Nothing listens on ${label}: no installed application holds it.`);

  const foreign = holders.filter((l) => l.pid !== undefined && !expected.some((service) => runs(l, service)));
  if (foreign.length > 0 && owner) {
    return draft('fail', `${label} is held by ${describe(foreign)}, not by ${owner.service}, which the guide says listens on it.`);
  }
  if (foreign.length > 0) {
    return draft(
      'warn',
      `${label} is held by ${describe(foreign)}. The guide names no owner for ${port}, and this is not one of the ` +
        `image builder's services (${IMAGE_BUILDER_SERVICES.join(', ')}): if it is an installed application, it conflicts.`,
    );
  }
  const hidden = holders.filter((l) => l.pid === undefined);
  if (hidden.length > 0) {
    const admin = platform === 'win32' ? 'an Administrator' : 'root';
    return draft(
      'error',
      `${label} is held (${hidden.map(where).join(', ')}) by a process this user cannot see: run wsdoctor as ${admin} to name it.`,
    );
  }
  return draft('pass', `${label} is held by ${describe(holders)}, the image builder's own service.`);
}

/** Whether the listener's process is `service`: by the Windows services it hosts, else by its process name. */
function runs(listener: TcpListener, service: string): boolean {
  const wanted = service.toLowerCase();
  if (listener.services?.some((s) => s.toLowerCase() === wanted)) return true;
  const name = listener.process?.replace(/\.exe$/i, '').toLowerCase();
  // Linux cuts process names (/proc/<pid>/comm) to 15 characters.
  return !!name && (name === wanted || (name.length === 15 && wanted.startsWith(name)));
}

function describe(listeners: TcpListener[]): string {
  const seen = new Map<number, TcpListener[]>();
  for (const l of listeners) seen.set(l.pid!, [...(seen.get(l.pid!) ?? []), l]);
  return [...seen.values()]
    .map((same) => {
      const { pid, process, services } = same[0]!;
      const hosted = services?.length ? `, services ${services.join(', ')}` : '';
      return `${process ?? 'a process'} (pid ${pid}${hosted}) on ${same.map(where).join(', ')}`;
    })
    .join('; ');
}

function where(listener: TcpListener): string {
  const address = listener.address.includes(':') ? `[${listener.address}]` : listener.address;
  return `${address}:${listener.port}${listener.uid !== undefined && listener.pid === undefined ? ` (uid ${listener.uid})` : ''}`;
}
