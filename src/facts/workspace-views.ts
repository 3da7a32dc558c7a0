// Readings of WorkSpaces, bundles and images that the per-WorkSpace checks share (beside views.ts): how a
// WorkSpace is named in a message, what operating system it runs, and what kind of bundle it comes from.
import { isUnknown } from '../core/unknown.js';
import type { FactValue } from './define.js';
import type bundlesFact from './workspaces/bundles.js';
import type bundleImagesFact from './workspaces/bundle-images.js';
import type workspacesFact from './workspaces/workspaces.js';

export type Workspace = FactValue<typeof workspacesFact>[number];
export type Bundle = FactValue<typeof bundlesFact>[number];
export type BundleImage = FactValue<typeof bundleImagesFact>[number];

/** "WorkSpace ws-0123 (user alice, WSAMZN-ABC)": the WorkSpace as a ticket names it. */
export function workspaceLabel(ws: Workspace): string {
  const who = [ws.UserName && `user ${ws.UserName}`, ws.ComputerName].filter(Boolean).join(', ');
  return `WorkSpace ${ws.WorkspaceId}${who ? ` (${who})` : ''}`;
}

/** The WorkSpaces a check judges: every one except those already gone. */
export function liveWorkspaces(list: readonly Workspace[]): Workspace[] {
  return list.filter((ws) => ws.WorkspaceId && !['TERMINATING', 'TERMINATED'].includes(ws.State ?? ''));
}

/**
 * Whether a WorkSpace is one a plan launches (check --terraform-plan): its State is the marker "known only after
 * apply". Read past the unknown-value guard on purpose (the descriptor, not the value): that it is being launched is
 * known, and a check judging a launch (its key, its bundle's compute type) needs nothing else of its state.
 */
export function launchedByPlan(ws: object): boolean {
  return isUnknown(Object.getOwnPropertyDescriptor(ws, 'State')?.value);
}

/** The WorkSpaces a launch preflight judges: every one not gone, and those the plan launches. */
export function liveOrPlannedWorkspaces(list: readonly Workspace[]): Workspace[] {
  return list.filter((ws) => ws.WorkspaceId && (launchedByPlan(ws) || !['TERMINATING', 'TERMINATED'].includes(ws.State ?? '')));
}

/** Minutes from `from` to `to` (ISO times); undefined when either is not a time. */
export function minutesBetween(from: string | undefined, to: string): number | undefined {
  const a = Date.parse(from ?? '');
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : (b - a) / 60_000;
}

/** "3 h 20 min", "2 days": a duration for a message. */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return `${Math.round(m / 1440)} days`;
}

export type OsKind = 'WINDOWS_7' | 'WINDOWS_10' | 'WINDOWS' | 'LINUX';

/**
 * The operating system a WorkSpace runs: its WorkspaceProperties.OperatingSystemName when WorkSpaces gives one
 * [not in guides], else what its bundle says. Undefined when nothing says.
 */
export function workspaceOs(ws: Workspace, bundle?: Bundle, image?: BundleImage): OsKind | undefined {
  const name = ws.WorkspaceProperties?.OperatingSystemName;
  if (name && name !== 'UNKNOWN') return osFromName(name);
  return bundle ? bundleOs(bundle, image) : undefined;
}

function osFromName(name: string): OsKind {
  if (name === 'WINDOWS_7') return 'WINDOWS_7';
  if (name === 'WINDOWS_10') return 'WINDOWS_10';
  return name.startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
}

/**
 * The operating system of a bundle: Amazon's public bundles say it in their name or description ("Standard with
 * Windows 10", "Value with Amazon Linux 2"); a custom bundle's image says WINDOWS or LINUX, and its name or
 * description may say which Windows [derived: the API gives no Windows version for an image].
 */
export function bundleOs(bundle: Bundle, image?: BundleImage): OsKind | undefined {
  const text = `${bundle.Name ?? ''} ${bundle.Description ?? ''} ${image?.Name ?? ''} ${image?.Description ?? ''}`;
  if (/\bWindows 7\b/i.test(text)) return 'WINDOWS_7';
  if (/\bWindows 10\b/i.test(text)) return 'WINDOWS_10';
  if (image?.OperatingSystem?.Type === 'LINUX' || /\b(Linux|Ubuntu|Rocky|Red Hat|RHEL)\b/i.test(text)) return 'LINUX';
  if (image?.OperatingSystem?.Type === 'WINDOWS' || /\bWindows\b/i.test(text)) return 'WINDOWS';
  return undefined;
}

/** Amazon's public bundles are owned by AMAZON [not in guides: WorkspaceBundle.Owner]. */
export function isPublicBundle(bundle: Bundle): boolean {
  return bundle.Owner === 'AMAZON';
}

/** A BYOL bundle: its image needs dedicated hardware (RequiredTenancy DEDICATED) [not in guides]. */
export function isByolBundle(bundle: Bundle, image?: BundleImage): boolean {
  return image?.RequiredTenancy === 'DEDICATED' || /\bBYOL\b/i.test(`${bundle.Name ?? ''} ${bundle.Description ?? ''}`);
}

/** A Plus bundle, "those that include Microsoft Office" (002 line 5511): its name says Plus or Office [derived]. */
export function isPlusBundle(bundle: Bundle): boolean {
  return /\bPlus\b|\bOffice\b/i.test(`${bundle.Name ?? ''} ${bundle.Description ?? ''}`);
}

export function bundleLabel(bundle: Bundle): string {
  return `${bundle.BundleId}${bundle.Name ? ` ("${bundle.Name}")` : ''}`;
}
