// The account's own WorkSpaces images in the Region (DescribeWorkspaceImages, OWNED, 25 a page): what counts
// against the images quota (ws-image-quota) before another is created.
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { WORKSPACES_API_PAGE } from './workspaces.js';

export default defineFact({
  name: 'workspaceImages',
  description: "the account's own WorkSpaces images in the Region",
  iamActions: ['workspaces:DescribeWorkspaceImages'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(workspacesService);
    const images = await paginate(client, sdk.DescribeWorkspaceImagesCommand, { ImageType: 'OWNED' as const }, {
      items: (page) => page.Images,
      pageSize: ['MaxResults', WORKSPACES_API_PAGE],
    });
    return toJson(images.map(({ ImageId, Name, State, OperatingSystem, RequiredTenancy, Created }) => ({ ImageId, Name, State, OperatingSystem, RequiredTenancy, Created })));
  },
});
