// WorkSpaces compute types as the guides group them. The Administration Guide (002_73aec366670b46ed.txt) names
// Value, Standard, Performance, Power, PowerPro, Graphics and GraphicsPro; the API names the later ones too
// (GeneralPurpose.4xlarge/8xlarge, Graphics.g4dn, GraphicsPro.g4dn, the G6 family) [not in guides: WorkSpaces API
// reference, Compute]. Where the guides say nothing of a newer type, the row says what it follows.
import { GUIDES, type RowSource } from './sources.js';

/**
 * "You can switch a WorkSpace between the Value, Standard, Performance, Power, and PowerPro bundles" (002 lines
 * 4678-4684), smallest first: a change up this list is "larger", down it "smaller". GeneralPurpose.4xlarge and
 * .8xlarge came after the guide and switch with them today [not in guides: Administration Guide (current), "Modify a
 * WorkSpace"]: they are kept here, largest, so a WorkSpace running on one is not reported as broken.
 */
export const SWITCHABLE_COMPUTE_TYPES: readonly string[] = [
  'VALUE',
  'STANDARD',
  'PERFORMANCE',
  'POWER',
  'POWERPRO',
  'GENERALPURPOSE_4XLARGE',
  'GENERALPURPOSE_8XLARGE',
];
/** The ones the guide names (the rest of SWITCHABLE_COMPUTE_TYPES are [not in guides]). */
export const SWITCHABLE_IN_GUIDE: readonly string[] = SWITCHABLE_COMPUTE_TYPES.slice(0, 5);
export const SWITCHABLE_SOURCE: RowSource = { guide: GUIDES.adminGuide, lines: '4678-4684' };

/** Graphics compute types: their volume minimums and allowed groups differ (002 lines 4636-4639, 4660-4662). */
export function isGraphics(computeType: string | undefined): boolean {
  return !!computeType && computeType.startsWith('GRAPHICS');
}

/** The console's name for an API compute type name: GRAPHICSPRO_G4DN → GraphicsPro.g4dn. */
export function computeTypeLabel(computeType: string | undefined): string {
  if (!computeType) return 'an unknown compute type';
  const known: Record<string, string> = {
    VALUE: 'Value',
    STANDARD: 'Standard',
    PERFORMANCE: 'Performance',
    POWER: 'Power',
    POWERPRO: 'PowerPro',
    GRAPHICS: 'Graphics',
    GRAPHICSPRO: 'GraphicsPro',
    GRAPHICS_G4DN: 'Graphics.g4dn',
    GRAPHICSPRO_G4DN: 'GraphicsPro.g4dn',
    GENERALPURPOSE_4XLARGE: 'GeneralPurpose.4xlarge',
    GENERALPURPOSE_8XLARGE: 'GeneralPurpose.8xlarge',
  };
  return known[computeType] ?? computeType;
}

/** -1: `to` is smaller than `from`; 1: larger; 0: the same; undefined: not both switchable. */
export function computeChangeDirection(from: string | undefined, to: string | undefined): -1 | 0 | 1 | undefined {
  const a = SWITCHABLE_COMPUTE_TYPES.indexOf(from ?? '');
  const b = SWITCHABLE_COMPUTE_TYPES.indexOf(to ?? '');
  if (a < 0 || b < 0) return undefined;
  return Math.sign(b - a) as -1 | 0 | 1;
}

/**
 * The family a compute type belongs to: a WorkSpace can run on a compute type other than its bundle's only within
 * one family. The switchable set is one (the guide's "Changing Bundle Types"); each graphics type and each newer type
 * is a family of its own [derived: the guide allows switching only within the switchable set, and a bundle's image
 * is built for its hardware — a Graphics image needs the GPU driver, for example].
 */
export function computeFamily(computeType: string | undefined): string {
  if (!computeType) return 'unknown';
  return SWITCHABLE_COMPUTE_TYPES.includes(computeType) ? 'switchable' : computeType;
}
