/**
 * C8 adc-radius-settings: an AD Connector's multi-factor authentication (RADIUS) settings are in range and working.
 * - SKIP: no RADIUS configured.
 * - FAIL: server timeout outside 1-20 s or retries outside 0-10 (the console's limits); RadiusStatus Failed.
 * - WARN: RadiusStatus Creating ("While multi-factor authentication is being set up, users cannot log in").
 * - PASS: Completed (the console's "Enabled"; the mapping is [not in guides]); a port other than 1812 is named.
 */
import { RADIUS_DEFAULT_PORT } from '../../src/data/directory-ports.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';

export default defineCheck({
  meta: {
    id: 'adc-radius-settings',
    catalogId: 'C8',
    title: "The AD Connector's multi-factor authentication settings are valid and enabled",
    scope: 'directory',
    severity: 'high',
    tags: ['ad-connector', 'mfa', 'radius'],
    description: "Reads the directory's RADIUS settings (servers, port, timeout, retries, protocol) and RadiusStatus from Directory Service.",
    rationale:
      'Multi-factor authentication is available only when the RADIUS status is Enabled; "while multi-factor ' +
      'authentication is being set up, users cannot log in", and a failed setup locks them out until it is fixed.',
    finds: 'RADIUS timeout outside 1-20 s, retries outside 0-10, or status Failed (fail); status Creating (warn)',
    facts: [dsDirectory],
    remediation: {
      summary: "Fix the directory's multi-factor authentication settings (Update Details → Multi-Factor Authentication) until the RADIUS status is Enabled.",
      steps: [
        'Open the WorkSpaces console, choose Directories, select your directory, Actions, Update Details, and expand Multi-Factor Authentication.',
        'For RADIUS server IP address(es), type the IP addresses of your RADIUS server endpoints separated by commas, or the IP address of your RADIUS server load balancer. For Port, the port your RADIUS server uses: your on-premises network must allow inbound traffic over the default RADIUS server port (1812) from AD Connector.',
        'Server timeout must be between 1 and 20 seconds; max retries between 0 and 10. Choose Update and Exit.',
        'Multi-factor authentication is available when RADIUS status is Enabled. While it is being set up, users cannot log in to their WorkSpaces.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Multi-factor Authentication (AD Connector)', lines: '2644-2692' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html',
    },
  },

  analyze({ dsDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    const radius = directory.RadiusSettings;
    const status = directory.RadiusStatus;
    if ((!radius || !radius.RadiusServers?.length) && !status) {
      return [{ status: 'skip', resource: id, message: `${id} has no multi-factor authentication (RADIUS) configured.` }];
    }
    const evidence = {
      directoryId: id,
      radiusStatus: status ?? null,
      servers: radius?.RadiusServers ?? [],
      port: radius?.RadiusPort ?? null,
      timeoutSeconds: radius?.RadiusTimeout ?? null,
      retries: radius?.RadiusRetries ?? null,
      protocol: radius?.AuthenticationProtocol ?? null,
    };
    const problems: string[] = [];
    if (radius?.RadiusTimeout !== undefined && (radius.RadiusTimeout < 1 || radius.RadiusTimeout > 20)) problems.push(`the server timeout is ${radius.RadiusTimeout} s, outside 1-20`);
    if (radius?.RadiusRetries !== undefined && (radius.RadiusRetries < 0 || radius.RadiusRetries > 10)) problems.push(`max retries is ${radius.RadiusRetries}, outside 0-10`);
    if (status === 'Failed') problems.push('RADIUS status is Failed');
    const port = radius?.RadiusPort !== undefined && radius.RadiusPort !== RADIUS_DEFAULT_PORT ? ` It uses port ${radius.RadiusPort}, not the default ${RADIUS_DEFAULT_PORT}: the on-premises network must allow that one from AD Connector.` : '';
    if (problems.length) {
      return [{ status: 'fail', resource: id, message: `Multi-factor authentication of ${id} is broken: ${problems.join('; ')}. Users who must use it cannot sign in.${port}`, evidence }];
    }
    if (status === 'Creating') {
      return [{ status: 'warn', resource: id, message: `Multi-factor authentication of ${id} is still being set up (RADIUS status Creating): users cannot log in until it is Enabled.${port}`, evidence }];
    }
    if (status === 'Completed') {
      return [{ status: 'pass', resource: id, message: `Multi-factor authentication of ${id} is enabled (RADIUS status Completed) with ${radius?.RadiusServers?.length ?? 0} server(s).${port}`, evidence }];
    }
    return [{ status: 'warn', resource: id, message: `Multi-factor authentication of ${id} reports RADIUS status ${status ?? 'none'}, which is not Completed (Enabled).${port}`, evidence }];
  },
});
