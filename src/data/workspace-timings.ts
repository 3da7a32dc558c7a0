// How long WorkSpaces operations take and how often they may be repeated (catalog table T17), from the WorkSpaces
// Administration Guide (002_73aec366670b46ed.txt). Checks compare these with times read from CloudTrail and
// DescribeWorkspaceSnapshots; where the guides give a sentence rather than a threshold, the row says how it is read.
import { GUIDES, type RowSource } from './sources.js';

export interface Timing {
  minutes: number;
  source: RowSource;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/** "it can take up to 20 minutes for the WorkSpaces to become available, and up to 40 minutes if encryption is enabled" */
export const LAUNCH_UNENCRYPTED: Timing = { minutes: 20, source: { guide: GUIDES.adminGuide, lines: '4213-4215' } };
export const LAUNCH_ENCRYPTED: Timing = { minutes: 40, source: { guide: GUIDES.adminGuide, lines: '4213-4215' } };
/** "WorkSpaces launched with root volume encryption enabled might take up to an hour to provision": the longest
 *  launch the guides describe, so a launch pending longer than this fails [derived]. */
export const LAUNCH_LONGEST: Timing = { minutes: HOUR, source: { guide: GUIDES.adminGuide, lines: '4905' } };

/** "The migration process takes up to one hour per WorkSpace"; "If the WorkSpace bundle remains the same one hour after
 *  attempting migration, the migration is unsuccessful." */
export const MIGRATION: Timing = { minutes: HOUR, source: { guide: GUIDES.adminGuide, lines: '5492, 5519-5522' } };

/** "When you launch a WorkSpace, you must wait 6 hours before you can modify the sizes of its volumes"; volumes may
 *  be expanded "once in a 6-hour period". */
export const VOLUME_CHANGE_WAIT: Timing = { minutes: 6 * HOUR, source: { guide: GUIDES.adminGuide, lines: '4625-4626, 4641' } };
/** "If you want to increase both volumes, you must wait 20-30 minutes for the first operation to finish". */
export const SECOND_VOLUME_CHANGE: Timing = { minutes: 30, source: { guide: GUIDES.adminGuide, lines: '4650-4651' } };

/** "You can request a larger bundle once in a 6-hour period or a smaller bundle once every 30 days. For a newly
 *  launched WorkSpace, you must wait 6 hours before requesting a larger bundle." */
export const LARGER_COMPUTE_WAIT: Timing = { minutes: 6 * HOUR, source: { guide: GUIDES.adminGuide, lines: '4683-4684' } };
export const SMALLER_COMPUTE_WAIT: Timing = { minutes: 30 * DAY, source: { guide: GUIDES.adminGuide, lines: '4683' } };

/** "Automatic snapshots ... are scheduled every 12 hours"; a migrated WorkSpace should be "at least 12 hours old, to
 *  ensure that a snapshot of the user volume has been created". */
export const SNAPSHOT_INTERVAL: Timing = { minutes: 12 * HOUR, source: { guide: GUIDES.adminGuide, lines: '5092, 5642-5643' } };

/** The in-place upgrade "can take from 40 to 120 minutes"; an AutoStop WorkSpace needs "the AutoStop time to three
 *  hours or more while the upgrade takes place". */
export const INPLACE_UPGRADE_AUTOSTOP: Timing = { minutes: 3 * HOUR, source: { guide: GUIDES.adminGuide, lines: '5194-5197, 5368-5369' } };

/** "After January 14, 2020, WorkSpaces created from a public Windows 7 bundle can no longer be rebuilt"; "images
 *  cannot be created from public Windows 7 bundles". */
export const WINDOWS7_PUBLIC_END = { date: '2020-01-14', source: { guide: GUIDES.adminGuide, lines: '5098-5102, 5790-5792' } } as const;
/** "Beginning October 1, 2020, customers will no longer be able to use the Amazon WorkSpaces Web Access client to
 *  connect to Windows 7 custom WorkSpaces or to Windows 7 Bring Your Own License (BYOL) WorkSpaces." */
export const WINDOWS7_WEB_ACCESS_END = { date: '2020-10-01', source: { guide: GUIDES.troubleshooting, lines: '251' } } as const;

/**
 * How far back CloudTrail's event history reaches: 90 days [not in guides: CloudTrail User Guide, "Working with
 * CloudTrail event history"]. Events reach it within about 15 minutes of the call [not in guides: same page], so a
 * WorkSpace launched minutes ago may not have its event yet.
 */
export const CLOUDTRAIL_HISTORY_DAYS = 90;
export const CLOUDTRAIL_DELIVERY_MINUTES = 15;
