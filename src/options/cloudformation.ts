// A CloudFormation template to check before it is deployed (JSON or YAML; a CDK app's cdk.out/*.template.json is
// one), with its parameters from --parameters. Read by the check command itself (src/cli/plan.ts).
import { defineOption } from '../core/option.js';
import { planFile } from '../core/parse.js';

export default defineOption({
  flag: '--cloudformation <file>',
  key: 'cloudformation',
  section: 'targets',
  kind: 'string',
  help: 'check a CloudFormation template before deployment (JSON or YAML, e.g. cdk.out/MyStack.template.json)',
  parse: planFile('--cloudformation'),
});
