// The changes a preflight can judge before they are made (`--before <action>`): checks that say what would block
// one carry it in `meta.before`, and run only when the user names it.
export const BEFORE_ACTIONS = {
  deregister: 'deregistering the directory from WorkSpaces',
  'delete-directory': 'deleting the directory',
  rebuild: 'rebuilding the WorkSpace',
  restore: 'restoring the WorkSpace',
  migrate: 'migrating the WorkSpace to another bundle',
  modify: "modifying the WorkSpace's volumes or compute type",
  image: 'creating an image (from the WorkSpace, or from the image builder)',
  upgrade: 'upgrading Windows 10 in place on the BYOL WorkSpace',
  launch: 'launching WorkSpaces',
  edit: 'editing the fleet',
  delete: 'deleting the fleet, stack, image or image builder',
  start: 'starting the image builder',
  stop: 'stopping the image builder',
  connect: 'connecting to the image builder',
} as const;

export type BeforeAction = keyof typeof BEFORE_ACTIONS;
