/**
 * D14 ws-linux-username-valid: are the user names of Amazon Linux WorkSpaces (and, with --before launch, the users
 * named by --user) ones Linux WorkSpaces accept? At most 20 characters; letters, spaces and numbers representable in
 * UTF-8, and _ . - #; not beginning with -.
 * - FAIL: an existing Linux WorkSpace's user name breaks a rule; with --before launch, a --user name does and a
 *   --bundle to launch is Linux.
 * - WARN: with --before launch, a --user name breaks a rule and no --bundle says whether the launch is Linux.
 * - PASS: every name judged follows the rules. Windows WorkSpaces are exempt ("These limitations do not apply to
 *   Windows WorkSpaces").
 * - SKIP: no Linux WorkSpace in scope and no launch to judge.
 * A WorkSpace's OS is its WorkspaceProperties.OperatingSystemName, else what its bundle says.
 */
import { GUIDES } from '../../src/data/sources.js';
import { LINUX_USER_NAME_SOURCE, linuxUserNameProblems } from '../../src/data/naming-rules.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { bundleOs, liveWorkspaces, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import before from '../../src/options/before.js';
import bundleOption from '../../src/options/bundle.js';
import user from '../../src/options/user.js';

export default defineCheck({
  meta: {
    id: 'ws-linux-username-valid',
    catalogId: 'D14',
    title: 'Amazon Linux WorkSpaces have user names Linux accepts',
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'linux', 'users'],
    description:
      'Checks the user names of the Linux WorkSpaces in scope (and, before a launch, the --user names) against the rules for Amazon Linux user names.',
    rationale:
      'An Amazon Linux WorkSpace cannot be created for a user name longer than 20 characters, with characters other than letters, spaces, numbers and _ . - #, or beginning with a dash.',
    finds: 'a Linux WorkSpace (or, with --before launch, a --user) whose user name is over 20 characters, has characters other than letters, spaces, numbers and _ . - #, or starts with - (fail)',
    facts: [workspaces],
    optionalFacts: [bundles, bundleImages],
    options: [before, user, bundleOption],
    remediation: {
      summary: 'Use a user name of at most 20 characters, of letters, spaces, numbers and _ . - #, not beginning with a dash, for Amazon Linux WorkSpaces.',
      steps: [
        'For Amazon Linux WorkSpaces, user names can contain a maximum of 20 characters; can contain letters, spaces, and numbers that are representable in UTF-8; can include the special characters _ . - #; and cannot begin with a dash (-).',
        'These limitations do not apply to Windows WorkSpaces, which support the @ and - symbols for all characters in the user name.',
        'Rename the user in the directory (or choose another user) before launching an Amazon Linux WorkSpace for them.',
      ],
      source: { guide: GUIDES.adminGuide, section: "I can't create an Amazon Linux WorkSpace because there are non-valid characters in the user name", lines: LINUX_USER_NAME_SOURCE.lines },
      alsoSee: [{ guide: GUIDES.troubleshooting, section: "I can't create an Amazon Linux WorkSpace", lines: '129-138' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
    },
  },

  analyze({ workspaces, bundles, bundleImages }, { option }) {
    const bundleOf = (id: string | undefined) => bundles?.find((b) => b.BundleId === id);
    const imageOf = (id: string | undefined) => bundleImages?.find((i) => i.ImageId === id);
    const findings: FindingDraft[] = [];
    let judged = 0;
    for (const ws of liveWorkspaces(workspaces)) {
      const bundle = bundleOf(ws.BundleId);
      if (workspaceOs(ws, bundle, imageOf(bundle?.ImageId)) !== 'LINUX' || !ws.UserName) continue;
      judged++;
      const problems = linuxUserNameProblems(ws.UserName);
      if (problems.length) {
        findings.push({
          status: 'fail',
          resource: ws.WorkspaceId ?? '',
          message: `${workspaceLabel(ws)} is an Amazon Linux WorkSpace whose user name "${ws.UserName}" breaks the Linux rules: ${problems.join('; ')}.`,
          evidence: { workspaceId: ws.WorkspaceId, userName: ws.UserName, problems },
        });
      }
    }
    if (option(before) === 'launch') {
      const planned = (option(bundleOption) ?? []).map((id) => bundleOf(id));
      const linux = planned.some((b) => b && bundleOs(b, imageOf(b.ImageId)) === 'LINUX');
      const unknown = planned.length === 0 || planned.some((b) => !b || bundleOs(b, imageOf(b.ImageId)) === undefined);
      for (const name of option(user) ?? []) {
        judged++;
        const problems = linuxUserNameProblems(name);
        if (problems.length === 0 || (!linux && !unknown)) continue;
        findings.push({
          status: linux ? 'fail' : 'warn',
          resource: name,
          message: linux
            ? `User name "${name}" cannot have the Amazon Linux WorkSpace about to be launched: ${problems.join('; ')}.`
            : `User name "${name}" would not do for an Amazon Linux WorkSpace (${problems.join('; ')}); name the bundle with --bundle to know whether the launch is Linux.`,
          evidence: { userName: name, problems },
        });
      }
    }
    if (findings.length) return findings;
    if (judged === 0) return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: 'No Amazon Linux WorkSpace in scope (Windows WorkSpaces are exempt from these rules).' }];
    return [{ status: 'pass', resource: workspaces[0]?.DirectoryId ?? '', message: `The ${judged} user name${judged === 1 ? '' : 's'} judged follow the Amazon Linux rules.` }];
  },
});
