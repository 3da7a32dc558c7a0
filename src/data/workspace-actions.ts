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
