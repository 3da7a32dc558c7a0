// WorkSpace volume sizes (catalog table T20), from the WorkSpaces Administration Guide (002_73aec366670b46ed.txt
// lines 4617-4676, "Changing Volume Sizes" and "Limitations for Increasing Volumes"; lines 6352-6373, the custom
// bundle sizes) and the custom image guide (003_178b0291bc90cbb8.txt lines 423-432).
import { GUIDES, type RowSource } from './sources.js';

export const VOLUME_SOURCE: RowSource = { guide: GUIDES.adminGuide, lines: '4617-4676' };

/** "You can increase the size of the root and user volumes for a WorkSpace, up to 2000 GB each." */
export const MAX_VOLUME_GIB = 2000;

/**
 * "WorkSpace root and user volumes come in set groups that can't be changed": [80, 10], [80, 50], [80, 100],
 * [175 to 2000, 100 to 2000]; and "Graphics and GraphicsPro WorkSpaces can have the root and user volumes both set to
 * 100 GB minimum" (so root 100–2000 with user 100–2000 for them).
 */
export function allowedVolumes(rootGib: number, userGib: number, graphics: boolean): boolean {
  if (rootGib > MAX_VOLUME_GIB || userGib > MAX_VOLUME_GIB) return false;
  if (rootGib === 80) return [10, 50, 100].includes(userGib);
  const rootFloor = graphics ? 100 : 175;
  return rootGib >= rootFloor && userGib >= 100;
}

/** The groups as the guide lists them, for messages. */
export function allowedVolumeGroups(graphics: boolean): string {
  return `[80, 10], [80, 50], [80, 100], [175 to 2000, 100 to 2000]${graphics ? ', and for Graphics and GraphicsPro [100 to 2000, 100 to 2000]' : ''}`;
}

/** "You can launch a Value, Standard, Performance, Power, or PowerPro WorkSpace with a minimum of 80 GB for the root
 *  volume and 10 GB for the user volume. You can launch a Graphics or GraphicsPro WorkSpace with a minimum of 100 GB
 *  for the root volume and 100 GB for the user volume." */
export function launchMinimum(graphics: boolean): { rootGib: number; userGib: number } {
  return graphics ? { rootGib: 100, userGib: 100 } : { rootGib: 80, userGib: 10 };
}

/** Self-service: "Users can increase the size of the root volume ... up to 175 GB, and the size of the user volume
 *  ... up to 100 GB" (002 lines 4465-4470). */
export const SELF_SERVICE_MAX = { rootGib: 175, userGib: 100, source: { guide: GUIDES.adminGuide, lines: '4465-4470' } } as const;
