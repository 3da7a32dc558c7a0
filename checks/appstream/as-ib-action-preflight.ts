/**
 * G9 as-ib-action-preflight (`--before delete|start|stop|connect|image`): does the image builder's state allow it?
 * - FAIL: the builder is in an intermediate state (Pending, Snapshotting, Stopping, Starting, Deleting: no action is
 *   possible), or not in the state the action needs: Delete and Start need Stopped, Connect and Stop need Running;
 *   creating an image is done from a connected session, so it needs Running too.
 * - PASS: the builder is in the state the action needs (for Start: a reminder that a running builder is billed).
 */
import { IMAGE_BUILDER_ACTION_STATE, IMAGE_BUILDER_INTERMEDIATE_STATES, type ImageBuilderAction } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import before from '../../src/options/before.js';

const VERB: Record<ImageBuilderAction, string> = { delete: 'deleted', start: 'started', stop: 'stopped', connect: 'connected to', image: 'used to create an image' };

export default defineCheck({
  meta: {
    id: 'as-ib-action-preflight',
    catalogId: 'G9',
    title: "Before acting on an image builder: its state allows the action",
    scope: 'image-builder',
    before: ['delete', 'start', 'stop', 'connect', 'image'],
    severity: 'medium',
    tags: ['appstream', 'image-builder', 'preflight'],
    description: "With --before delete, start, stop, connect or image: the image builder's state against the state that action needs.",
    rationale:
      'Delete and Start need a stopped image builder, Connect and Stop a running one, and no action can be performed in ' +
      'the intermediate states (Pending, Snapshotting, Stopping, Starting, Deleting): the console and the API refuse it.',
    finds: 'with `--before delete|start|stop|connect|image`: the image builder is not in the state the action needs (fail)',
    facts: [imageBuilder],
    options: [before],
    remediation: {
      summary: 'Wait for (or bring the builder to) the state the action needs: Stopped to delete or start it, Running to connect, stop it or create an image.',
      steps: [
        'Delete: the instance must be in a Stopped state. Start: it must be in a Stopped state (a running instance is billed to your account).',
        'Connect: it must be in a Running state. Stop: it must be in a Running state (a stopped instance is not billed). Creating an image is done from a connected session, so it must be Running.',
        'None of these actions can be performed on an instance in the intermediate states Pending, Snapshotting, Stopping, Starting or Deleting: wait until it leaves them.',
        'Stop unused, running image builders to avoid unintended charges.',
      ],
      source: { guide: GUIDES.appStream, section: 'Image Builders', lines: '583-621' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Step 7: Clean Up', lines: '441-448' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-image-builders.html',
    },
  },

  analyze({ imageBuilder }, { option }) {
    const action = option(before) as ImageBuilderAction | undefined;
    const resource = imageBuilder.Name ?? 'image-builder';
    const state = imageBuilder.State ?? 'UNKNOWN';
    if (!action || !(action in IMAGE_BUILDER_ACTION_STATE)) {
      return [{ status: 'skip', resource, message: `--before ${action ?? '(none)'} is not an action on an image builder.` }];
    }
    const needed = IMAGE_BUILDER_ACTION_STATE[action];
    const evidence = { state, action, needs: needed.state, source: needed.source };
    if ((IMAGE_BUILDER_INTERMEDIATE_STATES as readonly string[]).includes(state)) {
      return [{ status: 'fail', resource, message: `Image builder ${resource} is ${state}, an intermediate state: it cannot be ${VERB[action]} until it is ${needed.state}.`, evidence }];
    }
    if (state !== needed.state) {
      const how = needed.state === 'STOPPED' ? 'stop it first' : 'start it first and wait for Running';
      return [{ status: 'fail', resource, message: `Image builder ${resource} is ${state}: it can be ${VERB[action]} only when ${needed.state} (${how}).`, evidence }];
    }
    const billing = action === 'start' ? ' Once running it is billed: stop it when you are done.' : '';
    return [{ status: 'pass', resource, message: `Image builder ${resource} is ${state}: it can be ${VERB[action]}.${billing}`, evidence }];
  },
});
