// Which WorkSpace states allow which administrative action: catalog table T22, from the WorkSpaces
// Administration Guide (002_73aec366670b46ed.txt).
import { GUIDES, type RowSource } from './sources.js';

export interface ActionStates {
  action: string;
  states: readonly string[];
  source: RowSource;
}

/** "You cannot rebuild a WorkSpace unless its state is AVAILABLE, ERROR, UNHEALTHY, or STOPPED." */
export const REBUILD: ActionStates = {
  action: 'rebuild',
  states: ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED'],
  source: { guide: GUIDES.adminGuide, lines: '5096' },
};

/** "You cannot restore a WorkSpace unless its state is AVAILABLE, ERROR, UNHEALTHY, or STOPPED." */
export const RESTORE: ActionStates = {
  action: 'restore',
  states: ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED'],
  source: { guide: GUIDES.adminGuide, lines: '5150' },
};

/** "Make sure that the WorkSpaces you want to migrate have a status of AVAILABLE, STOPPED, or ERROR" (and "WorkSpaces
 *  cannot be migrated when they are in ADMIN_MAINTENANCE mode"). */
export const MIGRATE: ActionStates = {
  action: 'migrate',
  states: ['AVAILABLE', 'STOPPED', 'ERROR'],
  source: { guide: GUIDES.adminGuide, lines: '5645-5649' },
};

/** "To create an image, the status of the WorkSpace must be Available and its modification state must be None." */
export const CREATE_IMAGE: ActionStates = {
  action: 'create an image',
  states: ['AVAILABLE'],
  source: { guide: GUIDES.adminGuide, lines: '6333-6336' },
};
