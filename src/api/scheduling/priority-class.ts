/**
 * scheduling.k8s.io/v1 PriorityClass: VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY (`printPriorityClass`),
 * SetDefaults_PriorityClass and `pkg/apis/scheduling/validation`, and the two system classes
 * kube-apiserver creates at start (`pkg/apis/scheduling/helpers.go` SystemPriorityClasses).
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { forbidden, notSupported } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { validateObjectMeta } from '../meta/validation.js';

/** `HighestUserDefinablePriority`: user classes may not go above it. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** system-node-critical and system-cluster-critical, as kube-apiserver's post-start hook creates them. */
export const SYSTEM_PRIORITY_CLASSES: KubeObject[] = [
  { name: 'system-node-critical', value: SYSTEM_CRITICAL_PRIORITY + 1000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: SYSTEM_CRITICAL_PRIORITY, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
].map(({ name, value, description }) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description }));

function systemClassError(name: string, value: unknown): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.metadata.name === name);
  if (!known) return `${name} is not a known system priority class`;
  return known.value === value ? undefined : `value of ${name} PriorityClass must be ${known.value}`;
}

function validatePriorityClass(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: false });
  const name = obj.metadata.name ?? '';
  if (name.startsWith('system-')) {
    const err = systemClassError(name, obj.value);
    if (err) causes.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (typeof obj.value === 'number' && obj.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    causes.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (obj.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(obj.preemptionPolicy as string)) causes.push(notSupported('preemptionPolicy', obj.preemptionPolicy, PREEMPTION_POLICIES));
  if (ctx.operation === 'UPDATE' && ctx.old) {
    if (ctx.old.value !== obj.value) causes.push(forbidden('value', 'may not be changed in an update.'));
    if (ctx.old.preemptionPolicy !== obj.preemptionPolicy) causes.push(forbidden('preemptionPolicy', 'may not be changed in an update.'));
  }
  return causes;
}

/** The priorityclasses resource. */
export const priorityClassDef: ResourceDef = {
  group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', plural: 'priorityclasses', singular: 'priorityclass', namespaced: false,
  shortNames: ['pc'],
  ...schemaFields('io.k8s.api.scheduling.v1.PriorityClass'),
  strategicMerge: true,
  printerColumns: [
    col('Value', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.', 0, 'integer'),
    col('Global-Default', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.', 0, 'boolean'),
    ageColumn,
    col('PreemptionPolicy', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  cells: (o, now) => [o.value ?? 0, o.globalDefault === true, translateTimestampSince(o.metadata.creationTimestamp, now), (o.preemptionPolicy as string | undefined) ?? '<unset>'],
  defaults: (o) => {
    o.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate: validatePriorityClass,
};

/** scheduling.k8s.io/v1 ResourceDefs. */
export const schedulingResources: ResourceDef[] = [priorityClassDef];
