/**
 * C10 adc-invitation-behaviour: what users of an AD Connector directory will not get (information, never a failure).
 * - PASS (information): the directory is an AD Connector: no automatic welcome or password reset emails, and no
 *   "Forgot password?" in the client; invitations are sent by hand.
 * - SKIP: any other directory type.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'adc-invitation-behaviour',
    catalogId: 'C10',
    title: 'AD Connector users get no invitation or password reset emails',
    scope: 'directory',
    severity: 'low',
    tags: ['ad-connector', 'users', 'info'],
    description: "Reads the directory type: for an AD Connector, says what its users will not receive.",
    rationale:
      'Users of WorkSpaces created with AD Connector do not automatically receive welcome or password reset emails, and ' +
      'cannot reset their own passwords: a common "my user never got the invitation" ticket.',
    finds: 'an AD Connector directory: information that invitations must be sent by hand and passwords reset with AD tools (pass, never fail)',
    facts: [workspacesDirectory],
    remediation: {
      summary: 'Send invitation emails by hand (Actions → Invite User), and reset passwords with the Active Directory tools.',
      steps: [
        'Users do not automatically receive welcome or password reset emails for WorkSpaces that were created using AD Connector.',
        'To send an invitation: in the WorkSpaces console choose WorkSpaces, select the user\'s WorkSpace, choose Actions, Invite User, and copy the email body text into an email from your own email application.',
        'With AD Connector, users cannot reset their own passwords (the Forgot password? option is not available): reset them with the Active Directory administration tools.',
      ],
      source: { guide: GUIDES.troubleshooting, section: "My users aren't receiving invitation emails or password reset emails", lines: '376-386' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Send an Invitation Email', lines: '4319-4344' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/manage-workspaces-users.html',
    },
  },

  analyze({ workspacesDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    if (directory.DirectoryType !== 'AD_CONNECTOR') {
      return [{ status: 'skip', resource: id, message: `${id} is ${directory.DirectoryType ?? 'not an AD Connector'}: its users get invitation and password reset emails.` }];
    }
    return [
      {
        status: 'pass',
        resource: id,
        message: `For your information: ${id} is an AD Connector, so its users receive no welcome or password reset emails and see no "Forgot password?" in the client. Send invitations from the console (Actions → Invite User) and reset passwords in Active Directory.`,
        evidence: { directoryId: id, directoryType: directory.DirectoryType },
      },
    ];
  },
});
