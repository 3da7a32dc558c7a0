/**
 * G11 as-ib-platform-compat: the image builder's Windows platform and what it means for the image's applications.
 * - WARN: Windows Server 2016 (build 1607) or 2012 R2 (platform WINDOWS): `Remove-AppxPackage -AllUsers` is not
 *   available (Microsoft added -AllUsers in build 1709), so AppX packages that break Sysprep (Adobe Creative Cloud…)
 *   cannot be removed for all users before the image is created: the guide requires Server 2019 for that.
 * - PASS: Windows Server 2019 or later.
 * - SKIP: a Linux platform (AppX is Windows'), or no platform reported.
 * The 2017 guide's rule that applications must install on Windows Server 2012 R2 (004 line 819) is outdated (catalog
 * Part IV, X14): it is quoted for 2012 R2 builders only, never enforced.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';

const OLD_WINDOWS: Record<string, string> = { WINDOWS: 'Windows Server 2012 R2', WINDOWS_SERVER_2016: 'Windows Server 2016 (build 1607)' };

export default defineCheck({
  meta: {
    id: 'as-ib-platform-compat',
    catalogId: 'G11',
    title: "Image builder's Windows version supports removing AppX packages before imaging",
    scope: 'image-builder',
    severity: 'low',
    tags: ['appstream', 'image-builder', 'platform'],
    description: "Reads the image builder's platform (its operating system) and says what it allows the image's applications.",
    rationale:
      'Applications that use AppX packages (Adobe Creative Cloud, for one) can make Sysprep fail and leave the image ' +
      'builder stuck in Pending; removing them for all users needs `-AllUsers`, which Windows Server 2016 (build 1607) lacks.',
    finds: 'a Windows Server 2016 or 2012 R2 image builder, where `Remove-AppxPackage -AllUsers` is not available (warn)',
    facts: [imageBuilder],
    remediation: {
      summary: 'Build images with applications that use AppX packages on a Windows Server 2019 (or later) image builder, and remove those packages before the last image-creation step.',
      steps: [
        'To list the AppX packages: `Get-AppxPackage | select Name, PackageFullName`. To remove one for all users: `Get-AppxPackage -AllUsers -Name <package> | Remove-AppxPackage -AllUsers`, as an administrator, before you complete the last step of image creation.',
        'You must run Server 2019 on the image builder: Microsoft added the -AllUsers parameter in build 1709, and Server 2016 (build 1607) returns an error with it.',
        'Launch a new image builder from a Windows Server 2019 or later base image, and install the applications there.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Applications use AppX packages', lines: '17-26' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'When I tried installing my application, I see an error that the operating system version is not supported.', lines: '817-819' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-image-builders.html',
    },
  },

  analyze({ imageBuilder: builder }) {
    const resource = builder.Name ?? 'image-builder';
    const platform = builder.Platform;
    const evidence = { platform };
    if (!platform) return [{ status: 'skip', resource, message: `Image builder ${resource} reports no platform.`, evidence }];
    if (!platform.startsWith('WINDOWS')) {
      return [{ status: 'skip', resource, message: `Image builder ${resource} runs ${platform}: AppX packages and the Windows build rules do not apply.`, evidence }];
    }
    const old = OLD_WINDOWS[platform];
    if (old) {
      const rule2012 = platform === 'WINDOWS' ? ' (The 2017 guide also says only applications that install on Windows Server 2012 R2 can be added to its images.)' : '';
      return [
        {
          status: 'warn',
          resource,
          message:
            `Image builder ${resource} runs ${old}: \`Remove-AppxPackage -AllUsers\` is not available there, so applications that use AppX packages can make Sysprep fail ` +
            `and the builder stick in Pending. Use a Windows Server 2019 or later builder for them.${rule2012}`,
          evidence,
        },
      ];
    }
    return [{ status: 'pass', resource, message: `Image builder ${resource} runs ${platform}: AppX packages can be removed for all users before imaging.`, evidence }];
  },
});
