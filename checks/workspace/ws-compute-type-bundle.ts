/**
 * Dx1 ws-compute-type-bundle (not in the catalog: from real tickets): does each WorkSpace run on a compute type its
 * bundle offers? A WorkSpace may move between Value, Standard, Performance, Power and PowerPro (and the later
 * GeneralPurpose types [not in guides]) whatever its bundle, but a Graphics bundle's image is built for its GPU
 * hardware and a switchable bundle's image for the general-purpose one [derived]: created or changed across those
 * families, the WorkSpace fails (typically ERROR, or a launch refused as an unsupported compute type).
 * - FAIL: the WorkSpace's compute type (WorkspaceProperties.ComputeTypeName) is not its bundle's, nor of the
 *   switchable family both belong to; with --before launch, a --compute-type the --bundle does not offer.
 * - PASS: each runs its bundle's compute type, or one it may switch to (named).
 * - SKIP: no WorkSpace (and no launch) to judge; WorkSpaces whose bundle could not be read are named as unjudged.
 */
import { GUIDES } from '../../src/data/sources.js';
import { computeFamily, computeTypeLabel, SWITCHABLE_SOURCE } from '../../src/data/compute-types.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { bundleLabel, launchedByPlan, liveOrPlannedWorkspaces, workspaceLabel } from '../../src/facts/workspace-views.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import before from '../../src/options/before.js';
import bundleOption from '../../src/options/bundle.js';
import computeType from '../../src/options/compute-type.js';

export default defineCheck({
  meta: {
    id: 'ws-compute-type-bundle',
    catalogId: 'Dx1',
    title: 'Each WorkSpace runs on a compute type its bundle offers',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'bundle', 'compute'],
    description:
      "Compares each WorkSpace's compute type with its bundle's (and, with --before launch, --compute-type with each --bundle's): the same, or both among the types a WorkSpace may switch between.",
    rationale:
      'A WorkSpace can switch only between the Value, Standard, Performance, Power and PowerPro bundles; one created or modified onto a compute type its bundle does not support (a Standard image on Graphics hardware, or the reverse) ends in ERROR or is refused at launch — a cause found in real tickets.',
    finds: "a WorkSpace on a compute type outside its bundle's family (a Graphics bundle on Standard, or the reverse), or with --before launch a --compute-type the --bundle does not offer (fail)",
    facts: [workspaces, bundles],
    options: [before, bundleOption, computeType],
    remediation: {
      summary:
        "Launch WorkSpaces with the compute type of their bundle (or one of the switchable types for a Value…PowerPro bundle); to move a WorkSpace to other hardware, migrate it to a bundle built for that hardware.",
      steps: [
        'You can switch a WorkSpace between the Value, Standard, Performance, Power and PowerPro bundles (Actions, Modify WorkSpace, Change Compute Type); WorkSpaces restarts it with the new bundle and keeps its OS, applications, data and storage settings.',
        "Graphics and GraphicsPro (and the later GPU types) are bundles of their own, with their own images: to move a WorkSpace between GPU and non-GPU hardware, migrate it to a bundle of the other kind (Migrate WorkSpaces; \"you can migrate from GPU-enabled (Graphics and GraphicsPro) bundles to non-GPU-enabled bundles, and vice versa\").",
        "[not in guides] When launching with the API or CLI, give WorkspaceProperties.ComputeTypeName only with the bundle's own compute type, or leave it out to take the bundle's.",
      ],
      source: { guide: GUIDES.adminGuide, section: 'Changing Bundle Types', lines: SWITCHABLE_SOURCE.lines },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Migrate a WorkSpace', lines: '5479-5494' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html',
    },
  },

  analyze({ workspaces, bundles }, { option }) {
    const bundleOf = new Map(bundles.map((b) => [b.BundleId, b]));
    const findings: FindingDraft[] = [];
    const fine: string[] = [];
    let launches = 0;
    const unjudged: string[] = [];
    for (const ws of liveOrPlannedWorkspaces(workspaces)) {
      const bundle = bundleOf.get(ws.BundleId);
      const own = ws.WorkspaceProperties?.ComputeTypeName;
      const offered = bundle?.ComputeType?.Name;
      if (!bundle || !own || !offered) {
        unjudged.push(ws.WorkspaceId!);
        continue;
      }
      if (own === offered || computeFamily(own) === computeFamily(offered)) {
        fine.push(own === offered ? ws.WorkspaceId! : `${ws.WorkspaceId} (switched from ${computeTypeLabel(offered)} to ${computeTypeLabel(own)})`);
        continue;
      }
      const error = !launchedByPlan(ws) && ws.State === 'ERROR' ? ` It is in ERROR${ws.ErrorCode ? ` (${ws.ErrorCode}${ws.ErrorMessage ? `: ${ws.ErrorMessage}` : ''})` : ''}, which this explains.` : '';
      findings.push({
        status: 'fail',
        resource: ws.WorkspaceId ?? '',
        message: launchedByPlan(ws)
          ? `${workspaceLabel(ws)} is planned on ${computeTypeLabel(own)}, but its bundle ${bundleLabel(bundle)} is a ${computeTypeLabel(offered)} bundle, and a WorkSpace can switch only between Value, Standard, Performance, Power and PowerPro: its image is not built for that hardware. Launch it as ${computeTypeLabel(offered)} (or without a compute type, which takes the bundle's), or pick a ${computeTypeLabel(own)} bundle.`
          : `${workspaceLabel(ws)} runs on ${computeTypeLabel(own)}, but its bundle ${bundleLabel(bundle)} is a ${computeTypeLabel(offered)} bundle, and a WorkSpace can switch only between Value, Standard, Performance, Power and PowerPro: its image is not built for that hardware.${error} Migrate it to a ${computeTypeLabel(own)} bundle, or set it back to ${computeTypeLabel(offered)}.`,
        evidence: { workspaceId: ws.WorkspaceId, computeType: own, bundleId: bundle.BundleId, bundleComputeType: offered, ...(launchedByPlan(ws) ? { planned: true } : { state: ws.State }) },
      });
    }
    const wanted = option(computeType);
    if (option(before) === 'launch' && wanted) {
      for (const id of option(bundleOption) ?? []) {
        const bundle = bundleOf.get(id);
        const offered = bundle?.ComputeType?.Name;
        if (!bundle || !offered) continue;
        if (wanted === offered || computeFamily(wanted) === computeFamily(offered)) {
          launches++;
          continue;
        }
        findings.push({
          status: 'fail',
          resource: id,
          message: `Bundle ${bundleLabel(bundle)} is a ${computeTypeLabel(offered)} bundle: a WorkSpace launched from it with --compute-type ${computeTypeLabel(wanted)} would run its image on hardware it is not built for. Launch it as ${computeTypeLabel(offered)}, or pick a ${computeTypeLabel(wanted)} bundle.`,
          evidence: { bundleId: id, bundleComputeType: offered, computeType: wanted },
        });
      }
    }
    if (findings.length) return findings;
    if (fine.length === 0 && launches === 0) {
      return [{ status: 'skip', resource: workspaces[0]?.DirectoryId ?? '', message: unjudged.length ? `The bundles of ${unjudged.length} WorkSpace${unjudged.length === 1 ? '' : 's'} could not be read or name no compute type: nothing to compare.` : 'No WorkSpace to look at.' }];
    }
    const switched = fine.filter((f) => f.includes('switched'));
    return [
      {
        status: 'pass',
        resource: workspaces.length === 1 ? (workspaces[0]!.WorkspaceId ?? '') : (workspaces[0]?.DirectoryId ?? ''),
        message:
          [
            fine.length ? `${fine.length === 1 ? 'The WorkSpace runs' : `The ${fine.length} WorkSpaces run`} on a compute type their bundle offers` + (switched.length ? ` (${switched.slice(0, 5).join(', ')}${switched.length > 5 ? ', …' : ''})` : '') : '',
            launches ? `--compute-type ${computeTypeLabel(wanted)} is one the ${launches === 1 ? 'bundle' : `${launches} bundles`} to launch offer${launches === 1 ? 's' : ''}` : '',
            unjudged.length ? `${unjudged.length} could not be judged (bundle unknown)` : '',
          ]
            .filter(Boolean)
            .join('; ') + '.',
      },
    ];
  },
});
