// The bundle functions as the CLI calls them: with this wsdoctor's facts and options (src/cli/registry.ts).
import { parseBundle as parse, readBundle as read } from '../../src/bundle/read.js';
import { redactBundle as redact } from '../../src/bundle/redact.js';
import type { Bundle } from '../../src/bundle/schema.js';
import { FACTS, knownInputs, OPTIONS } from '../../src/cli/registry.js';

export const parseBundle = (text: string, path: string): Bundle => parse(text, path, knownInputs());
export const readBundle = (path: string) => read(path, knownInputs());
export const redactBundle = (bundle: Bundle): Bundle => redact(bundle, { facts: FACTS, options: OPTIONS });
