/** core/v1 Pod: printing, field selectors, defaults, admission defaults and validation. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { fieldBool, str, arr } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { podCells, podColumns } from './pod-cells.js';
import { defaultPodSpec, podQOSClass } from './pod-defaults.js';
import { admitPodDefaults } from './pod-admission.js';
import { validatePodSpec } from './pod-validation.js';
import { validatePodSpecUpdate } from './pod-update.js';

/** Pod field labels (`pkg/registry/core/pod/strategy.go` `ToSelectableFields`). */
export const podFieldSelectors: ResourceDef['fieldSelectors'] = {
  'spec.nodeName': (o) => str(o, 'spec.nodeName'),
  'spec.restartPolicy': (o) => str(o, 'spec.restartPolicy'),
  'spec.schedulerName': (o) => str(o, 'spec.schedulerName'),
  'spec.serviceAccountName': (o) => str(o, 'spec.serviceAccountName'),
  'spec.hostNetwork': (o) => fieldBool(o, 'spec.hostNetwork'),
  'status.phase': (o) => str(o, 'status.phase'),
  // podIPs[0] is the primary IP; status.podIP mirrors it.
  'status.podIP': (o) => str(arr(o, 'status.podIPs')[0], 'ip') || str(o, 'status.podIP'),
  'status.nominatedNodeName': (o) => str(o, 'status.nominatedNodeName'),
};

function podDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  const spec = (obj.spec ??= {}) as Record<string, any>;
  defaultPodSpec(spec);
  if (ctx.operation === 'CREATE') {
    admitPodDefaults(spec);
    // PrepareForCreate: a new pod starts Pending with its QoS class computed.
    obj.status = { phase: 'Pending', qosClass: podQOSClass(spec) };
  }
}

/** The pods resource. */
export const podDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true,
  shortNames: ['po'], categories: ['all'],
  subresources: ['status', 'eviction', 'binding', 'log'],
  ...schemaFields('io.k8s.api.core.v1.Pod'),
  strategicMerge: true,
  printerColumns: podColumns,
  cells: podCells,
  fieldSelectors: podFieldSelectors,
  defaults: podDefaults,
  validate: (obj, ctx) => {
    const causes = [...validateObjectMeta(obj.metadata, { namespaced: true }), ...validatePodSpec(obj.spec as Record<string, unknown>, 'spec')];
    if (ctx.operation === 'UPDATE' && ctx.old && !ctx.subresource) causes.push(...validatePodSpecUpdate(obj.spec as Record<string, any>, ctx.old.spec as Record<string, any>));
    return causes;
  },
  // Kubernetes 1.32 does not maintain metadata.generation for pods (added in 1.33).
  tracksGeneration: false,
};
