/**
 * batch/v1 CronJob: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR
 * (`printCronJob`), SetDefaults_CronJob (`pkg/apis/batch/v1/defaults.go`) and the validation of
 * `pkg/apis/batch/validation` (schedule, concurrency policy, time zone, the job template).
 * ove runs no CronJob controller: nothing is scheduled and status stays as clients write it.
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col, containerCells } from '../meta/columns.js';
import { invalid, notSupported, required } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { formatLabelSelector } from '../meta/label-selector.js';
import { arr } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { containersColumn, imagesColumn } from '../apps/deployment.js';
import { defaultPodSpec } from '../core/pod-defaults.js';
import { validateJobSpec } from './job.js';

type Obj = Record<string, any>;

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
// robfig/cron's descriptors, accepted in place of the five fields.
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

function cronJobDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  const spec = (obj.spec ??= {}) as Obj;
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  // Only the pod template is defaulted: the job template's JobSpec is defaulted when a Job is made from it.
  const tpl = (((spec.jobTemplate ??= {}).spec ??= {}).template ??= {});
  defaultPodSpec((tpl.spec ??= {}));
}

/** The problem with a cron schedule, worded as robfig/cron's parser does, or undefined. */
export function scheduleError(schedule: string): string | undefined {
  if (/^\s*(CRON_)?TZ=/.test(schedule)) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  const s = schedule.trim();
  if (s.startsWith('@')) {
    if (DESCRIPTORS.includes(s) || /^@every \d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$/.test(s)) return undefined;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  const bad = fields.find((f) => !/^[0-9A-Za-z*?/,\-]+$/.test(f));
  return bad === undefined ? undefined : `failed to parse int from ${bad}`;
}

function validateCronJob(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  // A CronJob's name becomes part of its Jobs' names: 52 characters at most.
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  if ((obj.metadata.name ?? '').length > 52) causes.push(invalid('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
  const spec = (obj.spec ?? {}) as Obj;
  if (!spec.schedule) causes.push(required('spec.schedule'));
  else {
    const err = scheduleError(spec.schedule);
    if (err) causes.push(invalid('spec.schedule', spec.schedule, err));
  }
  if (spec.timeZone !== undefined && !/^[A-Za-z0-9_+\-/]+$/.test(spec.timeZone)) causes.push(invalid('spec.timeZone', spec.timeZone, 'unknown time zone ' + spec.timeZone));
  if (!CONCURRENCY_POLICIES.includes(spec.concurrencyPolicy)) causes.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, CONCURRENCY_POLICIES));
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof spec[f] === 'number' && spec[f] < 0) causes.push(invalid(`spec.${f}`, spec[f], 'must be greater than or equal to 0'));
  }
  causes.push(...validateJobSpec(spec.jobTemplate?.spec ?? {}, 'spec.jobTemplate.spec', false));
  void ctx;
  return causes;
}

const boolPtr = (v: unknown) => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');

/** The cronjobs resource. */
export const cronJobDef: ResourceDef = {
  group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', namespaced: true,
  shortNames: ['cj'], categories: ['all'], subresources: ['status'],
  ...schemaFields('io.k8s.api.batch.v1.CronJob'),
  strategicMerge: true,
  printerColumns: [
    col('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    col('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    col('Suspend', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.', 0, 'boolean'),
    col('Active', 'A list of pointers to currently running jobs.', 0, 'integer'),
    col('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn,
    containersColumn, imagesColumn,
    col('Selector', 'A label query over pods that should match the pod count.', 1),
  ],
  cells: (o, now) => {
    const spec = (o.spec ?? {}) as Obj;
    const last = (o.status as Obj | undefined)?.lastScheduleTime;
    return [
      spec.schedule ?? '', spec.timeZone ?? '<none>', boolPtr(spec.suspend), arr(o, 'status.active').length,
      last ? translateTimestampSince(last, now) : '<none>', translateTimestampSince(o.metadata.creationTimestamp, now),
      ...containerCells(arr(o, 'spec.jobTemplate.spec.template.spec.containers')), formatLabelSelector(spec.jobTemplate?.spec?.selector),
    ];
  },
  defaults: cronJobDefaults,
  validate: validateCronJob,
  tracksGeneration: true,
};
