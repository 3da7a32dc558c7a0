// Citations a customer can follow: every report block names the guide by its public title, the section, and a URL;
// the guide's file name and line range stay in the JSON, for tracing a citation back to the guide's text.
import { describe, expect, it } from 'vitest';
import { GUIDES } from '../../src/data/sources.js';
import { GUIDE_DOCUMENTS } from '../../src/data/guide-documents.js';
import { analyze } from '../../src/engine/analyze.js';
import { renderText } from '../../src/report/text.js';
import { cite } from '../../src/report/model.js';
import { CHECKS } from '../../src/cli/registry.js';
import mgmtCidrConflict from '../../checks/directory/mgmt-cidr-conflict.js';
import { finding, sampleReport } from '../helpers/report-fixture.js';

const ADMIN_GUIDE = 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html';

describe('guide citations', () => {
  it('every guide file has a public title and an https URL on AWS documentation or re:Post', () => {
    for (const file of Object.values(GUIDES)) {
      const document = GUIDE_DOCUMENTS[file];
      expect(document.title.length, file).toBeGreaterThan(10);
      expect(document.url, file).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/(workspaces|appstream2)\/|repost\.aws\/knowledge-center\/)/);
    }
    expect(GUIDE_DOCUMENTS[GUIDES.imageBuilderPending].title).toMatch(/re:Post.*image builder.*stuck in Pending/);
  });

  it('beside a Docs link to a page of the same guide, the guide\'s front page is left out; a link elsewhere stays', () => {
    const pageOfTheGuide = 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html';
    expect(cite({ guide: GUIDES.adminGuide, section: 'Network Interfaces' }, { besideDocs: pageOfTheGuide })).toBe(
      'Amazon WorkSpaces Administration Guide, "Network Interfaces"',
    );
    const appStreamPage = 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-image-builders.html';
    expect(cite({ guide: GUIDES.imageBuilderPending, section: 'Elastic network interface is deleted or detached' }, { besideDocs: appStreamPage })).toMatch(
      / — https:\/\/repost\.aws\/knowledge-center\/appstream-image-builder-stuck-pending$/,
    );
  });

  it('cite() gives title, section and URL — no file name, no line numbers', () => {
    expect(cite({ guide: GUIDES.adminGuide, section: 'Network Interfaces', lines: '1241-1266' })).toBe(
      `Amazon WorkSpaces Administration Guide, "Network Interfaces" — ${ADMIN_GUIDE}`,
    );
    expect(cite({ guide: GUIDES.appStream, section: 'Image Builders' })).toBe(
      'Amazon AppStream 2.0 Developer Guide, "Image Builders" — https://docs.aws.amazon.com/appstream2/latest/developerguide/what-is-appstream.html',
    );
  });

  it('a text report cites by title and URL on every block, the ERROR block included, with its docs link', () => {
    const report = sampleReport([finding('fail'), finding('warn'), finding('error', { evidence: { reason: 'denied', iamAction: 'ec2:DescribeVpcs' } })]);
    // --verbose: a block per finding; the default: a details block per distinct fix, each with its source and docs.
    const verbose = renderText(report, { color: false, detail: 'verbose' }).split('\n\n').filter((block) => /^(FAIL|WARN|ERROR) /.test(block));
    expect(verbose).toHaveLength(3);
    // The default shares one details block between the failure and the warning (one fix); the error has its own.
    const compact = renderText(report, { color: false }).replace(/\n\s+/g, ' ');
    // Title and section, then the section's own page (the guide's front page beside it would be a second link).
    const docs = `Docs: ${mgmtCidrConflict.meta.remediation.docsUrl}`;
    expect(compact.split(`Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" ${docs}`)).toHaveLength(2);
    expect(compact.split(`Verify by hand: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" ${docs}`)).toHaveLength(2);
    expect(compact.split(docs)).toHaveLength(3);
    expect(compact).not.toMatch(/00\d_[0-9a-f]{16}\.txt|lines \d/);
    for (const block of verbose) {
      const flat = block.replace(/\n\s+/g, ' ');
      expect(flat).toContain('Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges"');
      // Sections it also draws on keep their guide's URL; the block ends with the section's own page.
      expect(flat).toMatch(/"Management Interface IP Ranges"(; see also .* — https:\/\/\S+)? Docs: https:/);
      expect(flat).toContain(`Docs: ${mgmtCidrConflict.meta.remediation.docsUrl}`);
      expect(flat).not.toMatch(/00\d_[0-9a-f]{16}\.txt|lines \d/);
    }
  });

  it('findings carry each source with its title and URL, and still with the guide file and lines (the JSON report)', () => {
    const [found] = analyze([mgmtCidrConflict], {
      region: 'eu-west-2',
      collectedAt: '2026-11-20T12:00:00.000Z',
      inputs: { targets: { directoryId: 'd-1234567890' }, options: {} },
      facts: {},
    });
    const { source, alsoSee } = found!.remediation;
    expect(source).toEqual({
      guide: GUIDES.adminGuide,
      section: 'Management Interface IP Ranges',
      lines: '1268-1326',
      title: 'Amazon WorkSpaces Administration Guide',
      url: ADMIN_GUIDE,
    });
    expect(alsoSee?.every((s) => s.title && s.url && s.guide && s.lines)).toBe(true);
  });

  it('every registered check cites guides the table knows', () => {
    for (const check of CHECKS) {
      for (const source of [check.meta.remediation.source, ...(check.meta.remediation.alsoSee ?? [])]) {
        expect(Object.keys(GUIDE_DOCUMENTS), `${check.meta.id} cites ${source.guide}`).toContain(source.guide);
      }
    }
  });
});
