/**
 * Ensures the image builder is not stuck in Pending past the 25 minutes the guide allows.
 * - PASS: the builder is not Pending (Running, Stopped, …) and has not failed.
 * - WARN: Pending for 25 minutes or less since it was created: still within the guide's window.
 * - FAIL: Pending for more than 25 minutes, or FAILED.
 * - ERROR: Pending, but the API gives no creation time to measure from.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { PENDING_LIMIT_MINUTES, PENDING_LIMIT_SOURCE } from '../../src/data/appstream-image-builder.js';
import type { FactValue } from '../../src/facts/define.js';
import { minutesSinceCreated } from '../../src/facts/views.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';

export default defineCheck({
  meta: {
    id: 'as-ib-pending-timeout',
    catalogId: 'G1',
    title: 'Image builder is not stuck in Pending',
    scope: 'image-builder',
    severity: 'high',
    tags: ['appstream', 'image-builder', 'state'],
    description:
      "Reads the WorkSpaces Applications (AppStream 2.0) image builder's state and creation time, and measures how " +
      'long a Pending builder has been Pending against the 25 minutes the guide allows.',
    rationale:
      'Image builders take up to 25 minutes to become Running. One still Pending after that is stuck: a deleted network ' +
      'interface, a restricted PowerShell policy, AppX packages, drivers, ENI limits, IPv6 turned off, port conflicts ' +
      'and domain-join problems are the causes the guide lists.',
    finds:
      'the image builder has been Pending more than 25 minutes, or FAILED (fail); Pending within 25 minutes warns',
    facts: [imageBuilder],
    remediation: {
      summary:
        'Past 25 minutes in Pending, work through the guide\'s causes; most are fixed by launching a new image builder ' +
        'from the last working image or an AWS base image.',
      steps: [
        'It takes up to 25 minutes for image builders and fleet instances to become available and change to a Running state; only after that is a Pending builder stuck.',
        'Check that the builder\'s elastic network interface still exists and is attached (wsdoctor reports it as as-ib-eni-present; or run `aws ec2 describe-network-interfaces --filters \'Name=description,Values="AppStream 2.0 - image-builder:*"\'`).',
        'Check the image it was launched from: a Restricted PowerShell execution policy (use AllSigned or RemoteSigned), AppX packages that break Sysprep, conflicting drivers, a customized Sysprep answer file, IPv6 turned off, AWS CLI credentials set as system environment variables, an unsupported default language, or a renamed or deleted local administrator account.',
        'Check that no installed application uses inbound TCP 8300, 8000 or 8443 (run `wsdoctor check --local` on a running builder), that the account has not reached the Region\'s network interface limit, and for domain-joined builders the notification codes, DNS and firewall settings.',
        'Most of these are fixed by launching a new image builder from a recent custom image or the last working image, or from a base image provided by AWS.',
      ],
      source: {
        guide: GUIDES.imageBuilderPending,
        section: "How do I troubleshoot a WorkSpaces Applications image builder that's stuck in Pending state?",
        lines: '2-95',
      },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'Elastic network interface is deleted or detached', lines: '7-13' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-image-builders.html',
    },
  },

  analyze({ imageBuilder }, { collectedAt }) {
    const resource = imageBuilder.Name ?? 'image-builder';
    const state = imageBuilder.State ?? 'UNKNOWN';
    const evidence = {
      state,
      createdTime: imageBuilder.CreatedTime,
      stateChangeReason: imageBuilder.StateChangeReason,
      imageBuilderErrors: imageBuilder.ImageBuilderErrors ?? [],
      limitMinutes: PENDING_LIMIT_MINUTES,
      dataSource: PENDING_LIMIT_SOURCE,
    };
    const draft = (status: FindingDraft['status'], message: string, extra: Record<string, unknown> = {}): FindingDraft[] => [
      { status, resource, message: `${message}${errorsText(imageBuilder)}`, evidence: { ...evidence, ...extra } },
    ];

    if (state === 'FAILED') return draft('fail', `Image builder ${resource} is FAILED.`);
    if (state !== 'PENDING') {
      return draft('pass', `Image builder ${resource} is ${state}, not Pending.`);
    }
    const minutes = minutesSinceCreated(imageBuilder, collectedAt);
    if (minutes === undefined) {
      return draft('error', `Image builder ${resource} is Pending, but the API gives no creation time to measure from.`);
    }
    const timing = { pendingMinutes: minutes, measuredAt: collectedAt };
    if (minutes > PENDING_LIMIT_MINUTES) {
      return draft(
        'fail',
        `Image builder ${resource} has been Pending for ${minutes} minutes since it was created (${imageBuilder.CreatedTime}), ` +
          `past the ${PENDING_LIMIT_MINUTES} minutes it takes to become Running: it is stuck. ` +
          '(The API gives no time for the last start: if you started it again less than 25 minutes ago, wait.)',
        timing,
      );
    }
    const checkAgainAt = new Date(Date.parse(imageBuilder.CreatedTime!) + (PENDING_LIMIT_MINUTES + 1) * 60_000).toISOString();
    return draft(
      'warn',
      `Image builder ${resource} has been Pending for ${minutes} minutes, within the ${PENDING_LIMIT_MINUTES} minutes ` +
        `it can take to become Running; if it is still Pending at ${checkAgainAt}, it is stuck.`,
      { ...timing, checkAgainAt },
    );
  },
});

/** The state reason and errors the API reports, so the finding carries what the console's Notifications tab shows. */
function errorsText(builder: FactValue<typeof imageBuilder>): string {
  const parts = [
    ...(builder.StateChangeReason?.Message ? [`State change reason: ${builder.StateChangeReason.Message}`] : []),
    ...(builder.ImageBuilderErrors ?? []).map((e) => `${e.ErrorCode ?? 'error'}: ${e.ErrorMessage ?? ''}`.trim()),
  ];
  return parts.length ? ` ${parts.join('; ')}.` : '';
}
