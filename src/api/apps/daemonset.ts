/** apps/v1 DaemonSet: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | ..., defaults. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { formatLabels } from '../meta/label-selector.js';
import { num, rec } from '../meta/object-access.js';
import { containersColumn, imagesColumn, selectorColumn } from './deployment.js';
import { defaultTemplate, templateCells, validateWorkload } from './workload.js';

function daemonSetDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  // pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet
  const spec = defaultTemplate(obj);
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
}

const int = (name: string, d: string) => col(name, d, 0, 'integer');

/** The daemonsets resource. */
export const daemonSetDef: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', namespaced: true,
  shortNames: ['ds'], categories: ['all'], subresources: ['status'],
  ...schemaFields('io.k8s.api.apps.v1.DaemonSet'),
  strategicMerge: true,
  printerColumns: [
    int('Desired', 'The total number of nodes that should be running the daemon pod.'),
    int('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    int('Ready', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    int('Up-to-date', 'The total number of nodes that are running updated daemon pod'),
    int('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
    col('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    num(o, 'status.desiredNumberScheduled'), num(o, 'status.currentNumberScheduled'), num(o, 'status.numberReady'),
    num(o, 'status.updatedNumberScheduled'), num(o, 'status.numberAvailable'), formatLabels(rec<string>(o, 'spec.template.spec.nodeSelector')),
    translateTimestampSince(o.metadata.creationTimestamp, now), ...templateCells(o),
  ],
  defaults: daemonSetDefaults,
  validate: (obj, ctx) => validateWorkload(obj, ctx, 'daemonset'),
  tracksGeneration: true,
};
