// The template's parameter values, as the aws CLI takes them: file://params.json (a list of ParameterKey and
// ParameterValue), ParameterKey=K,ParameterValue=V, or Key=Value (as `aws cloudformation deploy
// --parameter-overrides`). Repeatable. The file is read with the template (src/cli/plan.ts).
import { defineOption } from '../core/option.js';
import { templateParameter } from '../core/parse.js';
import cloudformation from './cloudformation.js';

export default defineOption({
  flag: '--parameters <params>',
  key: 'templateParameters',
  section: 'options',
  kind: 'string[]',
  help: 'parameter values for --cloudformation: file://params.json, ParameterKey=K,ParameterValue=V or Key=Value (repeatable)',
  parse: templateParameter,
  requires: {
    option: cloudformation,
    message: '--parameters gives values to a template: add --cloudformation <template>',
  },
});
