/**
 * D16 ws-tags-valid: do the tags of the directory and of the WorkSpaces in scope keep the guide's tag restrictions?
 * - FAIL: more than 50 tags on a resource; a key over 127 or a value over 255 Unicode characters; characters other
 *   than letters, spaces, numbers and + - = . _ : / @; leading or trailing spaces; a key or value using the reserved
 *   aws: (or aws:workspaces:) prefix. Tags AWS services set themselves (aws:cloudformation:…) are not the user's
 *   and are not judged [not in guides].
 * - PASS: every tag read keeps them. WorkSpaces' tags are read when 25 or fewer are in scope (one call each):
 *   a larger run says how many were not read, and how to read them (--workspace, --user).
 */
import { GUIDES } from '../../src/data/sources.js';
import { TAG_RULES, tagProblems } from '../../src/data/naming-rules.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspaceTags from '../../src/facts/workspaces/workspace-tags.js';

export default defineCheck({
  meta: {
    id: 'ws-tags-valid',
    catalogId: 'D16',
    title: 'Tags on the directory and its WorkSpaces keep the tag restrictions',
    scope: 'workspace',
    severity: 'low',
    tags: ['workspace', 'tags'],
    description: "Reads the tags of the directory and of the WorkSpaces in scope (DescribeTags) and checks each against the guide's tag restrictions.",
    rationale:
      'Tags organise WorkSpaces resources and their cost allocation; a tag outside the restrictions (50 per resource, 127-character keys, 255-character values, the allowed characters, no reserved aws: prefix) cannot be edited like the others, and tooling that copies tags fails on it.',
    finds: 'a resource with more than 50 tags, or a tag whose key or value is too long, has characters outside letters, spaces, numbers and + - = . _ : / @, has leading or trailing spaces, or uses the reserved aws: prefix (fail)',
    facts: [workspaceTags],
    remediation: {
      summary: 'Fix the tags in the WorkSpaces console (Manage Tags) or with aws workspaces create-tags and delete-tags.',
      steps: [
        'Tag restrictions: at most 50 tags per resource; keys up to 127 and values up to 255 Unicode characters; keys and values are case-sensitive; allowed characters are letters, spaces and numbers representable in UTF-8, plus + - = . _ : / @; no leading or trailing spaces.',
        'Do not use the "aws:" or "aws:workspaces:" prefixes in tag names or values: they are reserved for AWS use, and you cannot edit or delete tag names or values with these prefixes.',
        'Tags added to an existing resource appear in your cost allocation report on the first of the following month for WorkSpaces renewed in that month.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Tag WorkSpaces Resources', lines: '4707-4757' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/tag-workspaces-resources.html',
    },
  },

  analyze({ workspaceTags }) {
    const findings: FindingDraft[] = [];
    let tags = 0;
    for (const { ResourceId, Tags } of workspaceTags.resources) {
      tags += Tags.length;
      if (Tags.length > TAG_RULES.maxTags) {
        findings.push({ status: 'fail', resource: ResourceId, message: `${ResourceId} has ${Tags.length} tags, more than the ${TAG_RULES.maxTags} a resource may have.`, evidence: { resourceId: ResourceId, tags: Tags.length } });
      }
      for (const tag of Tags) {
        const problems = tagProblems(tag.Key ?? '', tag.Value ?? '');
        if (problems.length === 0) continue;
        findings.push({
          status: 'fail',
          resource: ResourceId,
          message: `Tag ${JSON.stringify(tag.Key ?? '')} on ${ResourceId} breaks the tag restrictions: ${problems.join('; ')}.`,
          evidence: { resourceId: ResourceId, key: tag.Key, value: tag.Value, problems },
        });
      }
    }
    if (findings.length) return findings;
    const notRead = workspaceTags.workspacesNotRead
      ? ` The tags of ${workspaceTags.workspacesNotRead} WorkSpaces were not read (one call each; AWS checks tags when they are set): name WorkSpaces with --workspace or --user to read theirs.`
      : '';
    const resources = workspaceTags.resources.length;
    return [
      {
        status: 'pass',
        resource: workspaceTags.resources[0]?.ResourceId ?? '',
        message: `The ${tags} tag${tags === 1 ? '' : 's'} on ${resources} resource${resources === 1 ? '' : 's'} keep the tag restrictions.${notRead}`,
      },
    ];
  },
});
