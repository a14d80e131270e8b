/** apps/v1 StatefulSet: READY AGE | CONTAINERS IMAGES, defaults. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { num } from '../meta/object-access.js';
import { defaultPVCSpec } from '../core/persistent-volume-claim.js';
import { containersColumn, imagesColumn } from './deployment.js';
import { defaultTemplate, templateCells, validateWorkload } from './workload.js';

function statefulSetDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  // pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet
  const spec = defaultTemplate(obj);
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  for (const t of spec.volumeClaimTemplates ?? []) {
    t.spec ??= {};
    defaultPVCSpec(t.spec);
    t.status ??= { phase: 'Pending' };
  }
}

/** The statefulsets resource. */
export const statefulSetDef: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', namespaced: true,
  shortNames: ['sts'], categories: ['all'], subresources: ['status', 'scale'],
  ...schemaFields('io.k8s.api.apps.v1.StatefulSet'),
  strategicMerge: true,
  printerColumns: [col('Ready', 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  cells: (o, now) => [`${num(o, 'status.readyReplicas')}/${num(o, 'spec.replicas')}`, translateTimestampSince(o.metadata.creationTimestamp, now), ...templateCells(o, false)],
  defaults: statefulSetDefaults,
  validate: (obj, ctx) => validateWorkload(obj, ctx, 'statefulset'),
  tracksGeneration: true,
};
