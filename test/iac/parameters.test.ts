// --parameters in each form the aws CLI takes, and the files' hostile variants.
import { describe, expect, it } from 'vitest';
import { parameterFile, templateParameters } from '../../src/iac/parameters.js';
import { templateParameter } from '../../src/core/parse.js';

describe('--parameters', () => {
  it('reads create-stack, deploy and template-configuration files, and the inline forms, later values winning', () => {
    const files: Record<string, string> = {
      'create.json': JSON.stringify([
        { ParameterKey: 'DirectoryId', ParameterValue: 'd-1' },
        { ParameterKey: 'Kept', UsePreviousValue: true },
      ]),
      'deploy.json': JSON.stringify(['BundleId=wsb-1', 'Note=a=b']),
      'config.json': JSON.stringify({ Parameters: { Env: 'prod', Count: 3 } }),
    };
    const values = templateParameters(
      ['file://create.json', 'file://deploy.json', 'file://config.json', 'ParameterKey=Env,ParameterValue=test', 'Subnets=subnet-1,subnet-2'],
      (path) => files[path]!,
    );
    expect(values).toEqual({ DirectoryId: 'd-1', BundleId: 'wsb-1', Note: 'a=b', Env: 'test', Count: '3', Subnets: 'subnet-1,subnet-2' });
  });

  it.each([
    ['not JSON', '[{', /^p\.json: is not valid JSON/],
    ['an object without Parameters', '{"DirectoryId": "d-1"}', /^p\.json: is not a parameters file/],
    ['a list of something else', '[1, 2]', /^p\.json: is not a parameters list/],
    ['a key that is not alphanumeric', '[{"ParameterKey": "a-b", "ParameterValue": "x"}]', /not alphanumeric/],
    ['a value that is an object', '{"Parameters": {"A": {"x": 1}}}', /^p\.json: gives A a value that is not a string$/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parameterFile(text, 'p.json')).toThrow(message);
  });

  it('checks the form on the command line, before any file is read', () => {
    expect(templateParameter('file://p.json')).toEqual(['file://p.json']);
    expect(templateParameter('A=1', ['B=2'])).toEqual(['B=2', 'A=1']);
    expect(() => templateParameter('file://')).toThrow('--parameters file:// needs a path');
    expect(() => templateParameter('no-equals')).toThrow('is not file://params.json, ParameterKey=Name,ParameterValue=value or Name=value');
    expect(() => templateParameter('=x')).toThrow();
  });
});
