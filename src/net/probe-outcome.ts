// What one port probe saw, in words that keep "the port is closed" apart from "wsdoctor could not probe".
export type ProbeResult =
  /** TCP: the handshake completed. */
  | 'open'
  /** UDP: a datagram came back. */
  | 'reply'
  /** TCP: reset. UDP: ICMP port unreachable — the host, or a firewall rejecting for it, said no. */
  | 'refused'
  /** TCP: no answer to the handshake within the bound — dropped on the way, or the host is down. */
  | 'timeout'
  /** UDP: nothing came back within the bound. UDP has no handshake, so this alone proves nothing. */
  | 'no-reply'
  /** ICMP host or network unreachable: a router or firewall on the way refused it. */
  | 'unreachable'
  /** This machine refused to send it (EPERM/EACCES): a local firewall rule. */
  | 'blocked'
  /** wsdoctor could not probe (the name did not resolve, no sockets left…): says nothing about the port. */
  | 'error';

export interface ProbeOutcome {
  result: ProbeResult;
  /** The Node error code behind the result, e.g. ECONNREFUSED. */
  code?: string;
  message?: string;
  elapsedMs: number;
}

const BY_CODE: Record<string, ProbeResult> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'refused',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  EPERM: 'blocked',
  EACCES: 'blocked',
};

/** A socket error as a probe result; anything not about the path (e.g. ENOTFOUND) is `error`. */
export function classifySocketError(error: unknown): Omit<ProbeOutcome, 'elapsedMs'> {
  const { code, message } = error as NodeJS.ErrnoException;
  const result = (code && BY_CODE[code]) || 'error';
  return { result, ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

/**
 * Runs one probe under a time bound: `start` gets `finish`, which settles the probe once and runs `cleanup`. When
 * the run stops (`signal`: --deadline, Ctrl-C) the probe settles at once as `error`, and its socket is closed.
 */
export function boundedProbe(
  timeoutMs: number,
  onTimeout: () => Omit<ProbeOutcome, 'elapsedMs'>,
  start: (finish: (outcome: Omit<ProbeOutcome, 'elapsedMs'>) => void) => () => void,
  signal?: AbortSignal,
): Promise<ProbeOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let cleanup = () => {};
    const finish = (outcome: Omit<ProbeOutcome, 'elapsedMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      cleanup();
      resolve({ ...outcome, elapsedMs: Math.round(performance.now() - started) });
    };
    const stop = () => finish({ result: 'error', code: 'ABORTED', message: 'the run stopped before this probe finished' });
    const timer = setTimeout(() => finish(onTimeout()), timeoutMs);
    signal?.addEventListener('abort', stop, { once: true });
    cleanup = start(finish);
    if (signal?.aborted) stop();
    if (settled) cleanup();
  });
}
