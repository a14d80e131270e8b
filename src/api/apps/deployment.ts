/** apps/v1 Deployment: READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR, defaults. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { num } from '../meta/object-access.js';
import { defaultTemplate, templateCells, validateWorkload } from './workload.js';

/** The wide columns of every workload printer. */
export const containersColumn = col('Containers', 'Names of each container in the template.', 1);
/** IMAGES */
export const imagesColumn = col('Images', 'Images referenced by each container in the template.', 1);
/** SELECTOR */
export const selectorColumn = col('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1);

function deploymentDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  // pkg/apis/apps/v1/defaults.go SetDefaults_Deployment
  const spec = defaultTemplate(obj);
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

/** The deployments resource. */
export const deploymentDef: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true,
  shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'],
  ...schemaFields('io.k8s.api.apps.v1.Deployment'),
  strategicMerge: true,
  printerColumns: [
    col('Ready', 'Number of the pod with ready state'),
    col('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    `${num(o, 'status.readyReplicas')}/${num(o, 'spec.replicas')}`, num(o, 'status.updatedReplicas'), num(o, 'status.availableReplicas'),
    translateTimestampSince(o.metadata.creationTimestamp, now), ...templateCells(o),
  ],
  defaults: deploymentDefaults,
  validate: (obj, ctx) => validateWorkload(obj, ctx, 'deployment'),
  tracksGeneration: true,
};
