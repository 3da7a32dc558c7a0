// Parses what the OS's `ping` prints for one echo request (pure: text in, outcome out), on Linux (iputils and
// BusyBox), macOS and Windows. The commands and their flags for "do not fragment" are not in the guides: iputils
// `-M do`, macOS `-D`, Windows `-f` [not in guides: each OS's ping manual; catalog I6].

/**
 * reply: an echo reply came back · frag-needed: the packet was too big for a link on the way (or for this
 * machine's own interface) and may not be fragmented · lost: no reply · unreachable: a router said the host or
 * network is unreachable · unsupported: this ping has no "do not fragment" flag · unknown: none of these.
 */
export type PingResult = 'reply' | 'frag-needed' | 'lost' | 'unreachable' | 'unsupported' | 'unknown';

export interface PingReading {
  result: PingResult;
  /** The MTU the OS or a router reported, when it did. */
  mtu?: number;
}

const FRAG = /frag(mentation)? needed|message too long|needs to be fragmented/i;
const MTU = /mtu\s*(?:=|:)?\s*(\d{3,5})/i;
const UNSUPPORTED = /(unrecognized|invalid|illegal|unknown) option|usage:/i;
const UNREACHABLE = /(destination )?(host|net(work)?) unreachable/i;

export function parsePing(output: string): PingReading {
  if (FRAG.test(output)) {
    const mtu = MTU.exec(output)?.[1];
    return { result: 'frag-needed', ...(mtu ? { mtu: Number(mtu) } : {}) };
  }
  if (UNSUPPORTED.test(output)) return { result: 'unsupported' };
  // Linux "1 received", macOS/BusyBox "1 packets received", Windows "Received = 1" (English) or a "time=" line.
  const received =
    /(\d+) (packets )?received/i.exec(output)?.[1] ?? /Received = (\d+)/i.exec(output)?.[1];
  if (UNREACHABLE.test(output)) return { result: 'unreachable' };
  if (received !== undefined) return { result: Number(received) > 0 ? 'reply' : 'lost' };
  if (/time[=<]\s*[\d.]+\s*ms/i.test(output)) return { result: 'reply' };
  if (/request timed out|100(\.0)?% packet loss/i.test(output)) return { result: 'lost' };
  return { result: 'unknown' };
}

/** The arguments for one echo of `payload` bytes, "do not fragment" set when asked, waiting at most `timeoutMs`. */
export function pingArguments(platform: NodeJS.Platform, host: string, payload: number, dontFragment: boolean, timeoutMs: number): string[] {
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  if (platform === 'win32') return ['-n', '1', '-l', String(payload), ...(dontFragment ? ['-f'] : []), '-w', String(timeoutMs), host];
  if (platform === 'darwin') return ['-c', '1', '-n', '-s', String(payload), ...(dontFragment ? ['-D'] : []), '-t', seconds, host];
  return ['-c', '1', '-n', '-s', String(payload), ...(dontFragment ? ['-M', 'do'] : []), '-W', seconds, host];
}
