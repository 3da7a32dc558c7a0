import check from '../../checks/appstream/as-image-name-valid.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { builder } from '../helpers/appstream-values.js';

checkTable(check, [
  { name: 'catalog G10: AWS-Office fails', facts: { imageBuilder: builder(), plannedImage: { name: 'AWS-Office', existing: null } }, options: { imageName: 'AWS-Office' }, expect: [{ status: 'fail', message: /begins with "AWS"/ }] },
  { name: 'catalog G10: corp-office-2024 passes', facts: { imageBuilder: builder(), plannedImage: { name: 'corp-office-2024', existing: null } }, options: { imageName: 'corp-office-2024' }, expect: [{ status: 'pass' }] },
  { name: 'the prefixes are compared without case', facts: { imageBuilder: builder(), plannedImage: { name: 'appstream-x', existing: null } }, options: { imageName: 'appstream-x' }, expect: [{ status: 'fail', message: /"AppStream"/ }] },
  {
    name: 'a name an image has fails',
    facts: { imageBuilder: builder(), plannedImage: { name: 'office', existing: { Name: 'office', Arn: 'arn:aws:appstream:us-east-1:123456789012:image/office', State: 'AVAILABLE', Visibility: 'PRIVATE' } } },
    options: { imageName: 'office' },
    expect: [{ status: 'fail', message: /exists already \(PRIVATE, AVAILABLE\)/ }],
  },
  {
    name: 'the lookup denied: error, never a pass',
    facts: { imageBuilder: builder(), plannedImage: failed({ kind: 'denied', iamAction: 'appstream:DescribeImages', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImages' }) },
    options: { imageName: 'office' },
    expect: [{ status: 'error', message: /appstream:DescribeImages/ }],
  },
  { name: 'no --image-name: skip', facts: { imageBuilder: builder(), plannedImage: failed({ kind: 'not-applicable', message: 'needs --image-name' }) }, expect: [{ status: 'skip' }] },
]);
