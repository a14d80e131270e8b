/**
 * batch/v1 Job: STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR (`printJob`), the
 * defaults of `pkg/apis/batch/v1/defaults.go` SetDefaults_Job, the selector the registry generates
 * on create (`pkg/registry/batch/job/strategy.go` generateSelector) and the validation of
 * `pkg/apis/batch/validation`. ove runs no Job controller: status stays as clients write it.
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col, containerCells } from '../meta/columns.js';
import { invalid, notSupported, required } from '../meta/field-errors.js';
import { humanDuration, translateTimestampSince } from '../meta/human-duration.js';
import { formatLabelSelector, selectorMatches, type LabelSelector } from '../meta/label-selector.js';
import { arr, num } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { containersColumn, imagesColumn } from '../apps/deployment.js';
import { defaultPodSpec } from '../core/pod-defaults.js';
import { validatePodSpec } from '../core/pod-validation.js';

type Obj = Record<string, any>;

/** Labels the registry puts on a Job's pod template (`batch.ControllerUidLabel`, `JobNameLabel` and their legacy forms). */
export const JOB_LABELS = { controllerUid: 'batch.kubernetes.io/controller-uid', jobName: 'batch.kubernetes.io/job-name', legacyControllerUid: 'controller-uid', legacyJobName: 'job-name' };
/** The restart policies a Job's pods may have. */
export const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];
const MAX_INT32 = 2147483647;

function jobDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  const spec = (obj.spec ??= {}) as Obj;
  spec.template ??= {};
  spec.template.spec ??= {};
  defaultPodSpec(spec.template.spec);
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const p of rule.onPodConditions ?? []) p.status ??= 'True';
  if (ctx.operation === 'CREATE' && spec.manualSelector !== true) generateSelector(obj, spec);
}

// The pods of a Job are found by its uid; the job-name labels are for people.
function generateSelector(obj: KubeObject, spec: Obj): void {
  const labels = ((spec.template.metadata ??= {}).labels ??= {}) as Record<string, string>;
  labels[JOB_LABELS.controllerUid] ??= obj.metadata.uid ?? '';
  labels[JOB_LABELS.jobName] ??= obj.metadata.name ?? '';
  labels[JOB_LABELS.legacyControllerUid] ??= obj.metadata.uid ?? '';
  labels[JOB_LABELS.legacyJobName] ??= obj.metadata.name ?? '';
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels[JOB_LABELS.controllerUid] ??= obj.metadata.uid ?? '';
}

/** Validates a JobSpec at `path`; `withSelector` for Jobs (a CronJob's template has none yet). */
export function validateJobSpec(spec: Obj, path: string, withSelector: boolean): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    if (typeof spec[f] === 'number' && spec[f] < 0) causes.push(invalid(`${path}.${f}`, spec[f], 'must be greater than or equal to 0'));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) causes.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  if (spec.completionMode !== undefined && !['NonIndexed', 'Indexed'].includes(spec.completionMode)) causes.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) causes.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  const selector = spec.selector as LabelSelector | undefined;
  const labels = (spec.template?.metadata?.labels ?? {}) as Record<string, string>;
  if (withSelector && !selector) causes.push(required(`${path}.selector`));
  if (selector && !selectorMatches(selector, labels)) causes.push(invalid(`${path}.template.metadata.labels`, labels, '`selector` does not match template `labels`'));
  causes.push(...validatePodSpec(spec.template?.spec, `${path}.template.spec`, JOB_RESTART_POLICIES));
  return causes;
}

function validateJob(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  const spec = (obj.spec ?? {}) as Obj;
  causes.push(...validateJobSpec(spec, 'spec', true));
  if (ctx.operation === 'UPDATE' && ctx.old && !ctx.subresource) {
    const old = (ctx.old.spec ?? {}) as Obj;
    if (JSON.stringify(old.selector ?? null) !== JSON.stringify(spec.selector ?? null)) causes.push(invalid('spec.selector', spec.selector, 'field is immutable'));
    // A suspended Job's template may still change (scheduling directives); a running one's may not.
    if (!old.suspend && JSON.stringify(old.template ?? null) !== JSON.stringify(spec.template ?? null)) causes.push(invalid('spec.template', spec.template, 'field is immutable'));
    if (old.completionMode !== spec.completionMode) causes.push(invalid('spec.completionMode', spec.completionMode, 'field is immutable'));
  }
  return causes;
}

const hasCondition = (o: KubeObject, type: string) => arr<Obj>(o, 'status.conditions').some((c) => c.type === type && c.status === 'True');

/** The STATUS cell: the first of Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
export function jobStatusCell(o: KubeObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completionsCell(o: KubeObject): string {
  const spec = (o.spec ?? {}) as Obj;
  const succeeded = num(o, 'status.succeeded');
  if (spec.completions !== undefined) return `${succeeded}/${spec.completions}`;
  return (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`;
}

function durationCell(o: KubeObject, now: number): string {
  const status = (o.status ?? {}) as Obj;
  if (!status.startTime) return '';
  const end = status.completionTime ? Date.parse(status.completionTime) : now;
  return humanDuration(end - Date.parse(status.startTime));
}

/** The jobs resource. */
export const jobDef: ResourceDef = {
  group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job', namespaced: true,
  categories: ['all'], subresources: ['status'],
  ...schemaFields('io.k8s.api.batch.v1.Job'),
  strategicMerge: true,
  printerColumns: [
    col('Status', 'Status of the job.'),
    col('Completions', 'The number of pods which reached phase Succeeded.'),
    col('Duration', 'Time required to complete the job.'),
    ageColumn,
    containersColumn, imagesColumn,
    col('Selector', 'A label query over pods that should match the pod count.', 1),
  ],
  cells: (o, now) => [
    jobStatusCell(o), completionsCell(o), durationCell(o, now), translateTimestampSince(o.metadata.creationTimestamp, now),
    ...containerCells(arr(o, 'spec.template.spec.containers')), formatLabelSelector((o.spec as Obj | undefined)?.selector),
  ],
  fieldSelectors: { 'status.successful': (o) => String(num(o, 'status.succeeded')) },
  defaults: jobDefaults,
  validate: validateJob,
  tracksGeneration: true,
};
