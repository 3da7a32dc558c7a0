/**
 * Ensures this machine's clock is close to true time: certificates are valid for a time window, and a clock far
 * off makes valid ones look expired or not yet valid ("The supplied certificate is invalid due to timestamp").
 * Measured with SNTP against pool.ntp.org (the guide's NTP server), else from the HTTPS endpoints' Date headers.
 * - PASS: off by at most a minute [derived].
 * - WARN: off by more than a minute, up to five [derived].
 * - FAIL: off by more than five minutes [derived].
 * - ERROR: neither NTP nor any HTTPS server gave a time.
 * When NTP (UDP 123) does not answer the finding says so: PCoIP zero clients need it.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { CLOCK_SKEW } from '../../src/data/client-network.js';
import clockOffset, { clockReading } from '../../src/facts/probes/clock-offset.js';

export default defineCheck({
  meta: {
    id: 'client-clock-skew',
    catalogId: 'I10',
    title: "This machine's clock is close to true time",
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'time', 'ntp', 'certificates'],
    description:
      'Asks pool.ntp.org over SNTP (UDP 123) for the time and computes how far this machine\'s clock is off; where NTP ' +
      'does not answer, reads the Date headers of the WorkSpaces HTTPS endpoints instead (to the second).',
    rationale:
      'Certificates are checked against the clock: a device whose clock is far off rejects valid WorkSpaces certificates. ' +
      'PCoIP zero clients without NTP report "The supplied certificate is invalid due to timestamp".',
    finds: "this machine's clock against NTP (pool.ntp.org) or the endpoints' Date headers: off by more than a minute warns, more than five minutes fails",
    facts: [clockOffset],
    remediation: {
      summary: "Set this device's clock from NTP (pool.ntp.org, UDP port 123); on PCoIP zero clients enable NTP in the Teradici AWI or MC.",
      steps: [
        'Turn on automatic time synchronisation in the operating system, and allow UDP 123 to its NTP server.',
        'In the Teradici PCoIP Administrative Web Interface (AWI) or Management Console (MC), enable Network Time Protocol (NTP): use pool.ntp.org as the NTP host DNS name and set the NTP host port to 123.',
        'If NTP isn\'t enabled, PCoIP zero client users might receive certificate failure errors, such as "The supplied certificate is invalid due to timestamp."',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Set Up PCoIP Zero Client for WorkSpaces', lines: '1768-1787' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'My PCoIP zero client users are receiving the error', lines: '8313-8316' },
        { guide: GUIDES.troubleshooting, section: 'My PCoIP zero client users are receiving the error', lines: '354-356' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/set-up-pcoip-zero-client.html',
    },
  },

  analyze({ clockOffset }) {
    const reading = clockReading(clockOffset);
    const ntpAnswered = clockOffset.ntp.answers.some((a) => a.result === 'reply');
    const ntpWhy = clockOffset.ntp.answers.map((a) => `${a.address} ${a.result}`).join(', ') || (clockOffset.ntp.dns ? `${clockOffset.ntp.host}: ${clockOffset.ntp.dns.result}` : 'not asked');
    const evidence = {
      ntp: { host: clockOffset.ntp.host, port: clockOffset.ntp.port, answers: clockOffset.ntp.answers.map(({ address, result, offsetMs, delayMs, stratum, code }) => ({ address, result, offsetMs, delayMs, stratum, code })) },
      httpDates: clockOffset.httpDates,
      ...(reading ? { offsetMs: reading.offsetMs, from: reading.from } : {}),
      warnAboveMs: CLOCK_SKEW.warnAboveMs,
      failAboveMs: CLOCK_SKEW.failAboveMs,
    };
    const resource = 'clock';
    const ntpNote = ntpAnswered ? '' : ` NTP (${clockOffset.ntp.host}, UDP ${clockOffset.ntp.port}) did not answer (${ntpWhy}): PCoIP zero clients on this network could not set their clocks.`;
    if (!reading) {
      return [{ status: 'error', resource, message: `Could not tell the time: no NTP answer and no HTTPS Date header.${ntpNote}`, evidence }];
    }
    const seconds = Math.abs(reading.offsetMs) / 1000;
    const direction = reading.offsetMs > 0 ? 'ahead' : 'behind';
    const against = reading.from === 'ntp' ? `NTP (${clockOffset.ntp.host})` : `the Date headers of ${reading.samples} WorkSpaces server${reading.samples === 1 ? '' : 's'} (to the second)`;
    const off = seconds < 1 ? 'within a second of' : `${formatSeconds(seconds)} ${direction === 'ahead' ? 'ahead of' : 'behind'}`;
    const said = `This machine's clock is ${off} ${against}.`;
    if (Math.abs(reading.offsetMs) > CLOCK_SKEW.failAboveMs) {
      return [{ status: 'fail', resource, message: `${said} Certificates will look expired or not yet valid: set the clock from NTP.${ntpNote}`, evidence }];
    }
    if (Math.abs(reading.offsetMs) > CLOCK_SKEW.warnAboveMs) {
      return [{ status: 'warn', resource, message: `${said} More than a minute off: turn on automatic time (NTP) before it drifts further.${ntpNote}`, evidence }];
    }
    return [{ status: 'pass', resource, message: `${said}${ntpNote}`, evidence }];
  },
});

function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
