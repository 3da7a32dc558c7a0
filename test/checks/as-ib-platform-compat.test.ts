import check from '../../checks/appstream/as-ib-platform-compat.js';
import { checkTable } from '../helpers/check-table.js';
import { builder } from '../helpers/appstream-values.js';

checkTable(check, [
  { name: 'catalog G11: WINDOWS_SERVER_2016 warns (no -AllUsers on build 1607)', facts: { imageBuilder: builder({ Platform: 'WINDOWS_SERVER_2016' }) }, expect: [{ status: 'warn', message: /Windows Server 2016 \(build 1607\).*-AllUsers/ }] },
  { name: 'Windows Server 2012 R2 warns and quotes the 2017 rule (X14)', facts: { imageBuilder: builder({ Platform: 'WINDOWS' }) }, expect: [{ status: 'warn', message: /2012 R2.*only applications that install on Windows Server 2012 R2/ }] },
  { name: 'Server 2019 passes', facts: { imageBuilder: builder() }, expect: [{ status: 'pass' }] },
  { name: 'Server 2022 passes', facts: { imageBuilder: builder({ Platform: 'WINDOWS_SERVER_2022' }) }, expect: [{ status: 'pass' }] },
  { name: 'Amazon Linux 2 is not judged', facts: { imageBuilder: builder({ Platform: 'AMAZON_LINUX2' }) }, expect: [{ status: 'skip' }] },
  { name: 'no platform is not judged', facts: { imageBuilder: builder({ Platform: undefined }) }, expect: [{ status: 'skip' }] },
]);
