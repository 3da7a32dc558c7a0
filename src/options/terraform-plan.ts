// A Terraform plan to check before it is applied: the JSON `terraform show -json <planfile>` writes. The planned
// resources are overlaid on the account's live state (src/iac/, the facts' planned readings), and every check
// whose target the plan deploys runs on the result. Read by the check command itself (src/cli/plan.ts).
import { defineOption } from '../core/option.js';
import { planFile } from '../core/parse.js';

export default defineOption({
  flag: '--terraform-plan <file>',
  key: 'terraformPlan',
  section: 'targets',
  kind: 'string',
  help: 'check a Terraform plan before apply: the JSON of `terraform show -json <planfile>` (with AWS access for what it references, or --offline)',
  parse: planFile('--terraform-plan'),
});
