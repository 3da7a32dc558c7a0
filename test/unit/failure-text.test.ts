// A reply the SDK could not parse reads as what it is (not AWS's answer), not as the SDK's hint about a hidden
// {error}.$response field no user can inspect.
import { describe, expect, it } from 'vitest';
import { toFactFailure } from '../../src/core/failure.js';
import { couldNotLookSteps } from '../../src/report/model.js';
import { finding } from '../helpers/report-fixture.js';

describe('an SDK deserialisation error', () => {
  it('is a reply that is not AWS, named with its action and endpoint', () => {
    const error = Object.assign(
      new SyntaxError(
        `Unexpected token '<', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
      ),
      { iamAction: 'workspaces:DescribeWorkspaceDirectories', endpoint: 'https://workspaces.us-east-1.amazonaws.com' },
    );
    const failure = toFactFailure(error);
    expect(failure).toEqual({
      kind: 'error',
      code: 'NotAnAwsReply',
      iamAction: 'workspaces:DescribeWorkspaceDirectories',
      endpoint: 'https://workspaces.us-east-1.amazonaws.com',
      message:
        'workspaces:DescribeWorkspaceDirectories got a reply from https://workspaces.us-east-1.amazonaws.com that is not a readable AWS answer ' +
        `(Unexpected token '<', "<html><bod"... is not valid JSON): a proxy, a captive portal or a wrong endpoint?`,
    });
    expect(failure.message).not.toMatch(/\$response|hidden field|SyntaxError/);
    // What to do then is about the path to AWS, as for any answer that is not AWS's.
    const steps = couldNotLookSteps(finding('error', { evidence: { reason: failure.kind, code: failure.code } }));
    expect(steps[0]).toMatch(/^What answered was not AWS/);
  });

  it('with HTTP 403 is a refusal (an error document in another protocol, e.g. XML AccessDenied for a JSON service)', () => {
    const error = Object.assign(
      new SyntaxError(
        `Unexpected token '<', "<?xml vers"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
      ),
      { iamAction: 'application-autoscaling:DescribeScalableTargets', $metadata: { httpStatusCode: 403 } },
    );
    expect(toFactFailure(error)).toMatchObject({
      kind: 'denied',
      iamAction: 'application-autoscaling:DescribeScalableTargets',
      message: 'access denied: the caller lacks the IAM permission application-autoscaling:DescribeScalableTargets',
    });
  });

  it('other errors keep their own words', () => {
    expect(toFactFailure(Object.assign(new Error('boom'), { name: 'InternalFailure' })).message).toBe('InternalFailure: boom');
  });
});
