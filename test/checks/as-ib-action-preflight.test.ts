import check from '../../checks/appstream/as-ib-action-preflight.js';
import { checkTable } from '../helpers/check-table.js';
import { builder } from '../helpers/appstream-values.js';

checkTable(check, [
  { name: 'catalog G9: delete while RUNNING fails', facts: { imageBuilder: builder() }, options: { before: 'delete' }, expect: [{ status: 'fail', message: /RUNNING: it can be deleted only when STOPPED \(stop it first\)/ }] },
  { name: 'delete while STOPPED passes', facts: { imageBuilder: builder({ State: 'STOPPED' }) }, options: { before: 'delete' }, expect: [{ status: 'pass' }] },
  { name: 'start while STOPPED passes, reminding of the billing', facts: { imageBuilder: builder({ State: 'STOPPED' }) }, options: { before: 'start' }, expect: [{ status: 'pass', message: /billed/ }] },
  { name: 'connect while STOPPED fails', facts: { imageBuilder: builder({ State: 'STOPPED' }) }, options: { before: 'connect' }, expect: [{ status: 'fail', message: /start it first/ }] },
  { name: 'stop while RUNNING passes', facts: { imageBuilder: builder() }, options: { before: 'stop' }, expect: [{ status: 'pass' }] },
  { name: 'creating an image needs it Running', facts: { imageBuilder: builder({ State: 'STOPPED' }) }, options: { before: 'image' }, expect: [{ status: 'fail' }] },
  ...['PENDING', 'SNAPSHOTTING', 'STOPPING', 'DELETING'].map((State) => ({
    name: `nothing in ${State}`,
    facts: { imageBuilder: builder({ State: State as never }) },
    options: { before: 'stop' },
    expect: [{ status: 'fail' as const, message: /an intermediate state/ }],
  })),
]);
