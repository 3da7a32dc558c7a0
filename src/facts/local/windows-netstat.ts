// Parses Windows' `netstat -ano` and `tasklist /svc /fo csv /nh` (pure: text in, sockets and processes out).

export interface NetstatListener {
  address: string;
  port: number;
  pid: number;
}

/**
 * The listening TCP sockets in `netstat -ano` output, e.g.
 *   TCP    0.0.0.0:8443           0.0.0.0:0              LISTENING       4321
 *   TCP    [::]:8443              [::]:0                 LISTENING       4321
 * The State column is translated on non-English Windows, so a socket counts as listening when its foreign port is
 * 0 (no peer), which netstat prints the same in every language.
 */
export function parseNetstatListeners(text: string): NetstatListener[] {
  const listeners: NetstatListener[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 5 || fields[0] !== 'TCP' || !fields[2]!.endsWith(':0')) continue;
    const local = fields[1]!;
    const colon = local.lastIndexOf(':');
    const port = Number(local.slice(colon + 1));
    const pid = Number(fields[4]);
    if (!Number.isInteger(port) || !Number.isInteger(pid)) continue;
    listeners.push({ address: local.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port, pid });
  }
  return listeners;
}

export interface WindowsProcess {
  process: string;
  services: string[];
}

/** `tasklist /svc /fo csv /nh`: one quoted CSV row per process — image name, PID, services (or N/A). */
export function parseTasklistServices(text: string): Map<number, WindowsProcess> {
  const processes = new Map<number, WindowsProcess>();
  for (const line of text.split(/\r?\n/)) {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
    if (cells.length < 3) continue;
    const pid = Number(cells[1]);
    if (!Number.isInteger(pid)) continue;
    const services = cells[2] === 'N/A' ? [] : cells[2]!.split(',').map((s) => s.trim()).filter(Boolean);
    processes.set(pid, { process: cells[0]!, services });
  }
  return processes;
}
