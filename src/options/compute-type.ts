// The compute type a change asks for (--before modify: switch to it; --before launch: launch with it). Judged, never
// applied. Typed as the console names it (Standard, GraphicsPro, GeneralPurpose.4xlarge) or as the API does
// (STANDARD, GRAPHICSPRO, GENERALPURPOSE_4XLARGE).
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';

/** The WorkSpaces API's compute type names (the Compute enum of @aws-sdk/client-workspaces 3.1048) [not in guides]. */
export const COMPUTE_TYPE_NAMES = [
  'VALUE',
  'STANDARD',
  'PERFORMANCE',
  'POWER',
  'POWERPRO',
  'GENERALPURPOSE_4XLARGE',
  'GENERALPURPOSE_8XLARGE',
  'GRAPHICS',
  'GRAPHICSPRO',
  'GRAPHICS_G4DN',
  'GRAPHICSPRO_G4DN',
  'GRAPHICS_G6_XLARGE',
  'GRAPHICS_G6_2XLARGE',
  'GRAPHICS_G6_4XLARGE',
  'GRAPHICS_G6_8XLARGE',
  'GRAPHICS_G6_16XLARGE',
  'GRAPHICS_G6F_LARGE',
  'GRAPHICS_G6F_XLARGE',
  'GRAPHICS_G6F_2XLARGE',
  'GRAPHICS_G6F_4XLARGE',
  'GRAPHICS_GR6_4XLARGE',
  'GRAPHICS_GR6_8XLARGE',
  'GRAPHICS_GR6F_4XLARGE',
] as const;

export default defineOption({
  flag: '--compute-type <name>',
  key: 'computeType',
  section: 'options',
  kind: 'string',
  help: 'with --before modify or launch: the compute type you are about to set (Value, Standard, Performance, Power, PowerPro, Graphics…)',
  parse: (value: string) => {
    const name = value.trim().toUpperCase().replace(/[.\s-]/g, '_');
    if (!(COMPUTE_TYPE_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`--compute-type "${value}" is not a WorkSpaces compute type (use one of Value, Standard, Performance, Power, PowerPro, GeneralPurpose.4xlarge, GeneralPurpose.8xlarge, Graphics, GraphicsPro, Graphics.g4dn, GraphicsPro.g4dn, or an API name such as GRAPHICS_G6_XLARGE)`);
    }
    return name;
  },
  offline: true,
});
