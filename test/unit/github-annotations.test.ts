// GitHub workflow annotations, read back the way the Actions runner reads them (one command per line,
// `::name k=v,k=v::data`, then percent-unescaping): hostile strings survive the round trip and cannot start a
// second command; the most severe findings come first; the per-step display limit is said out loud.
import { describe, expect, it } from 'vitest';
import { command, renderAnnotations } from '../../src/report/github-annotations.js';
import { finding, HOSTILE, sampleReport } from '../helpers/report-fixture.js';

interface ParsedCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** The runner's parser (actions/runner ActionCommand.TryParseV2), reduced to what annotations use. */
function parseCommands(output: string): ParsedCommand[] {
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return output
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const end = line.indexOf('::', 2);
      const [name, props = ''] = [line.slice(2, end).split(' ')[0]!, line.slice(2, end).split(' ').slice(1).join(' ')];
      const properties = Object.fromEntries(
        props
          .split(',')
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]),
      );
      return { name, properties, data: unescape(line.slice(end + 2)) };
    });
}

describe('GitHub annotations', () => {
  it('one annotation per failing, erroring and warning finding; passes and skips stay quiet', () => {
    const commands = parseCommands(renderAnnotations(sampleReport()));
    expect(commands.map((c) => [c.name, c.properties.title])).toEqual([
      ['error', 'wsdoctor fail mgmt-cidr-conflict (vpc-1|<b>)'],
      ['error', 'wsdoctor could not check mgmt-cidr-conflict (vpc-error)'],
      ['warning', 'wsdoctor warn mgmt-cidr-conflict (vpc-warn)'],
    ]);
    const [fail, error] = commands;
    expect(fail!.data).toMatch(/^Overlaps every range\./);
    // The message's own line breaks survive (escaped); the last three lines are the fix, the source and the docs.
    expect(fail!.data.split('\n').slice(-3)).toEqual([
      expect.stringMatching(/^Fix: Use a VPC whose CIDRs/),
      'Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" — https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html',
      'Docs: https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    ]);
    expect(error!.data).toContain('What to do: Allow ec2:DescribeVpcs');
  });

  it('escapes %, CR, LF in data and also , and : in properties, so hostile text round-trips', () => {
    const line = command('error', { title: HOSTILE }, HOSTILE);
    expect(line.split('\n')).toHaveLength(1);
    const [parsed] = parseCommands(line);
    // Colour codes gone, the bell shown as text; the line break survives (as LF), percent-encoded on the line.
    const plain = HOSTILE.replace(/\u001b\[[0-9;]*m/g, '').replace('\r\n', '\n').replace('\u0007', '\\x07');
    expect(parsed).toEqual({ name: 'error', properties: { title: plain }, data: plain });
  });

  it('a message cannot inject a second workflow command', () => {
    const output = renderAnnotations(sampleReport([finding('fail', { message: 'x\n::add-mask::secret\n::stop-commands::t' })]));
    expect(parseCommands(output).map((c) => c.name)).toEqual(['error']);
  });

  it('puts the most severe first and says when GitHub will hide some', () => {
    const many = [
      ...Array.from({ length: 11 }, (_, i) => finding('warn', { resource: `w${i}` })),
      finding('fail', { resource: 'low', severity: 'low' }),
      ...Array.from({ length: 10 }, (_, i) => finding('fail', { resource: `c${i}`, severity: 'critical' })),
    ];
    const commands = parseCommands(renderAnnotations(sampleReport(many)));
    expect(commands.slice(0, 10).every((c) => c.properties.title!.includes('(c'))).toBe(true);
    expect(commands[10]!.properties.title).toContain('(low)');
    const notice = commands.at(-1)!;
    expect(notice.name).toBe('notice');
    expect(notice.data).toContain('1 error and 1 warning more');
  });

  it('prints nothing for a clean run', () => {
    expect(renderAnnotations(sampleReport([finding('pass'), finding('skip')]))).toBe('');
  });
});
