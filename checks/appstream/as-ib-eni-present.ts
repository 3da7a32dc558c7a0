/**
 * Ensures a Pending or Running image builder still has its elastic network interface, attached.
 * - PASS: the interface the builder reports (NetworkAccessConfiguration.EniId) exists and is in use.
 * - WARN: it is being attached; or the builder reports no interface and none of the guide's query results can be
 *   tied to it (or it is still within its first 25 minutes, when the interface may not exist yet).
 * - FAIL: the interface is gone (deleted) or detached (available); or the builder reports none and the guide's
 *   query finds no image builder interface at all.
 * - SKIP: the builder is neither Pending nor Running.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { IMAGE_BUILDER_ENI_DESCRIPTION, IMAGE_BUILDER_ENI_SOURCE, PENDING_LIMIT_MINUTES } from '../../src/data/appstream-image-builder.js';
import type { FactValue } from '../../src/facts/define.js';
import { minutesSinceCreated } from '../../src/facts/views.js';
import appstreamImageBuilderEnis from '../../src/facts/appstream/appstream-image-builder-enis.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import imageBuilderEni from '../../src/facts/appstream/image-builder-eni.js';

type Eni = NonNullable<FactValue<typeof imageBuilderEni>>;

export default defineCheck({
  meta: {
    id: 'as-ib-eni-present',
    catalogId: 'G2',
    title: "Image builder's network interface exists and is attached",
    scope: 'image-builder',
    severity: 'critical',
    tags: ['appstream', 'image-builder', 'network', 'eni'],
    description:
      'Looks up the elastic network interface the WorkSpaces Applications (AppStream 2.0) image builder reports ' +
      `(NetworkAccessConfiguration.EniId and EniPrivateIpAddress) in EC2, and runs the guide's own query for interfaces ` +
      `described "${IMAGE_BUILDER_ENI_DESCRIPTION}".`,
    rationale:
      "If the image builder's elastic network interface is missing, the builder can't complete its start-up " +
      'workflows and stays in Pending.',
    finds:
      'a Pending or Running image builder\'s network interface was deleted or detached (fail); also runs the guide\'s query for `AppStream 2.0 - image-builder:*` interfaces',
    facts: [imageBuilder, imageBuilderEni, appstreamImageBuilderEnis],
    remediation: {
      summary:
        'If the network interface is missing or detached, launch a new image builder from the last working image, or ' +
        'from a base image provided by AWS.',
      steps: [
        'Check the state of the network interface in the Amazon EC2 console (Network Interfaces), or run `aws ec2 describe-network-interfaces --filters \'Name=description,Values="AppStream 2.0 - image-builder:*"\'`.',
        'If the network interface is missing or detached, launch a new image builder from the last working image, or use a base image provided by AWS.',
        'To find out who deleted or detached it, check your AWS CloudTrail logs for the network interface deletion or detachment events: they include eventTime and userIdentity.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Elastic network interface is deleted or detached', lines: '7-13' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-image-builders.html',
    },
  },

  analyze({ imageBuilder, imageBuilderEni, appstreamImageBuilderEnis }, { region, collectedAt }) {
    const resource = imageBuilder.Name ?? 'image-builder';
    const state = imageBuilder.State ?? 'UNKNOWN';
    const eniId = imageBuilder.NetworkAccessConfiguration?.EniId;
    const privateIp = imageBuilder.NetworkAccessConfiguration?.EniPrivateIpAddress;
    const evidence = {
      state,
      reportedEniId: eniId,
      reportedPrivateIp: privateIp,
      eni: imageBuilderEni && summary(imageBuilderEni),
      guideQuery: {
        filter: { Name: 'description', Values: [IMAGE_BUILDER_ENI_DESCRIPTION] },
        found: appstreamImageBuilderEnis.map(summary),
        dataSource: IMAGE_BUILDER_ENI_SOURCE,
      },
    };
    const finding = (status: FindingDraft['status'], message: string): FindingDraft[] => [{ status, resource, message, evidence }];

    if (state !== 'PENDING' && state !== 'RUNNING') {
      return [{ status: 'skip', resource, message: `Image builder ${resource} is ${state}: the guide's check applies to a Pending or Running builder.`, evidence }];
    }
    if (eniId) {
      if (!imageBuilderEni) {
        return finding(
          'fail',
          `Image builder ${resource} (${state}) reports network interface ${eniId}${privateIp ? ` (${privateIp})` : ''}, ` +
            'but EC2 has no interface with that id: it was deleted, so the builder cannot complete its start-up workflows.',
        );
      }
      return finding(...attachmentVerdict(resource, state, imageBuilderEni));
    }
    // Without an id, the builder's interface is the guide's query result with the private IP it reports.
    const byIp = privateIp ? appstreamImageBuilderEnis.find((eni) => eni.PrivateIpAddress === privateIp) : undefined;
    if (byIp) return finding(...attachmentVerdict(resource, state, byIp));

    const query = `the guide's query (description "${IMAGE_BUILDER_ENI_DESCRIPTION}") finds`;
    if (appstreamImageBuilderEnis.length > 0) {
      const ids = appstreamImageBuilderEnis.map((eni) => eni.NetworkInterfaceId).join(', ');
      return finding(
        'warn',
        `Image builder ${resource} (${state}) reports no network interface; ${query} ${appstreamImageBuilderEnis.length} in ${region} ` +
          `(${ids}), but none can be tied to this builder. Compare their descriptions and attachments in the EC2 console.`,
      );
    }
    const minutes = minutesSinceCreated(imageBuilder, collectedAt);
    if (state === 'PENDING' && minutes !== undefined && minutes <= PENDING_LIMIT_MINUTES) {
      return finding(
        'warn',
        `Image builder ${resource} has been Pending for ${minutes} minutes and reports no network interface yet; ${query} none in ${region}. ` +
          `It may not have been created yet: check again once the builder has been Pending ${PENDING_LIMIT_MINUTES} minutes.`,
      );
    }
    return finding(
      'fail',
      `Image builder ${resource} (${state}) reports no network interface, and ${query} none in ${region}: its interface is missing.`,
    );
  },
});

function attachmentVerdict(resource: string, state: string, eni: Eni): [FindingDraft['status'], string] {
  const id = `${eni.NetworkInterfaceId}${eni.PrivateIpAddress ? ` (${eni.PrivateIpAddress})` : ''}`;
  const attachment = eni.Attachment?.Status;
  if (eni.Status === 'in-use' && (!attachment || attachment === 'attached')) {
    return ['pass', `Image builder ${resource}'s network interface ${id} exists and is attached (in-use).`];
  }
  const how = `status ${eni.Status ?? 'unknown'}${attachment ? `, attachment ${attachment}` : ''}`;
  if (eni.Status === 'attaching' || attachment === 'attaching') {
    return ['warn', `Image builder ${resource}'s network interface ${id} is being attached (${how}); check again shortly.`];
  }
  return [
    'fail',
    `Image builder ${resource} (${state}) has its network interface ${id}, but it is detached (${how}): ` +
      'the builder cannot complete its start-up workflows.',
  ];
}

function summary(eni: Eni) {
  return {
    networkInterfaceId: eni.NetworkInterfaceId,
    status: eni.Status,
    attachmentStatus: eni.Attachment?.Status,
    instanceId: eni.Attachment?.InstanceId,
    privateIpAddress: eni.PrivateIpAddress,
    subnetId: eni.SubnetId,
    description: eni.Description,
  };
}
