import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { jobDef } from './job.js';
import { cronJobDef, scheduleError } from './cron-job.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const msgs = (causes: { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const podTemplate = (restartPolicy = 'Never') => ({ spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36' }] } });

function job(spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j1', namespace: 'default', uid: 'u-1', creationTimestamp: '2026-01-01T11:55:00Z', ...meta }, spec, status };
}

describe('jobs', () => {
  it('default as SetDefaults_Job and get a selector on the uid at create', () => {
    const j = job({ template: podTemplate() });
    jobDef.defaults!(j, { operation: 'CREATE' });
    expect(j.spec).toMatchObject({
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
      template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'j1', 'controller-uid': 'u-1', 'job-name': 'j1' } } },
    });
    expect(msgs(jobDef.validate!(j, { operation: 'CREATE' }))).toEqual([]);
  });
  it('keep a manual selector, leave completions unset when only parallelism is given, and follow the pod failure policy', () => {
    const j = job({ manualSelector: true, parallelism: 3, backoffLimitPerIndex: 1, completionMode: 'Indexed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, ...podTemplate() } });
    jobDef.defaults!(j, { operation: 'CREATE' });
    expect(j.spec).toMatchObject({ parallelism: 3, backoffLimit: 2147483647, podReplacementPolicy: 'Failed', selector: { matchLabels: { app: 'x' } } });
    expect((j.spec as Record<string, any>).completions).toBeUndefined();
    expect((j.spec as Record<string, any>).podFailurePolicy.rules[0].onPodConditions[0].status).toBe('True');
    expect(msgs(jobDef.validate!(j, { operation: 'CREATE' }))).toEqual(['spec.completions: Required value: when completion mode is Indexed']);
  });
  it('refuse Always, a selector that misses the template, and template changes of a running job', () => {
    const j = job({ template: podTemplate('Always') });
    jobDef.defaults!(j, { operation: 'CREATE' });
    expect(msgs(jobDef.validate!(j, { operation: 'CREATE' }))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
    const ok = job({ template: podTemplate() });
    jobDef.defaults!(ok, { operation: 'CREATE' });
    const changed = structuredClone(ok);
    (changed.spec as Record<string, any>).template.spec.containers[0].image = 'busybox:1.37';
    (changed.spec as Record<string, any>).selector = { matchLabels: { other: 'x' } };
    expect(msgs(jobDef.validate!(changed, { operation: 'UPDATE', old: ok }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"u-1","batch.kubernetes.io/job-name":"j1","controller-uid":"u-1","job-name":"j1"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: {"matchLabels":{"other":"x"}}: field is immutable',
      'spec.template: Invalid value: ' + JSON.stringify((changed.spec as Record<string, any>).template) + ': field is immutable',
    ]);
  });
  it('print STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR', () => {
    const running = job({ completions: 3, selector: { matchLabels: { a: 'b' } }, template: podTemplate() }, { succeeded: 1, startTime: '2026-01-01T11:58:00Z' });
    expect(jobDef.cells!(running, now)).toEqual(['Running', '1/3', '2m', '5m', 'c', 'busybox:1.36', 'a=b']);
    const done = job({ parallelism: 2 }, { succeeded: 1, startTime: '2026-01-01T11:56:00Z', completionTime: '2026-01-01T11:56:45Z', conditions: [{ type: 'Complete', status: 'True' }] });
    expect(jobDef.cells!(done, now).slice(0, 3)).toEqual(['Complete', '1/1 of 2', '45s']);
    expect(jobDef.cells!(job({}, { conditions: [{ type: 'Suspended', status: 'True' }] }), now).slice(0, 2)).toEqual(['Suspended', '0/1']);
    expect(jobDef.cells!(job({}, {}, { deletionTimestamp: '2026-01-01T11:59:00Z' }), now)[0]).toBe('Terminating');
    expect(jobDef.fieldSelectors!['status.successful'](done)).toBe('1');
  });
});

describe('cronjobs', () => {
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj1', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' }, spec, status });
  it('default their policies and the pod template only', () => {
    const c = cj({ schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate('OnFailure') } } });
    cronJobDef.defaults!(c, { operation: 'CREATE' });
    expect(c.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 } } } } });
    expect((c.spec as Record<string, any>).jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(msgs(cronJobDef.validate!(c, { operation: 'CREATE' }))).toEqual([]);
  });
  it('check the schedule as the cron parser words it', () => {
    expect(scheduleError('0 0 * * 1-5')).toBeUndefined();
    expect(scheduleError('@daily')).toBeUndefined();
    expect(scheduleError('@every 1h30m')).toBeUndefined();
    expect(scheduleError('* * *')).toBe('expected exactly 5 fields, found 3: [* * *]');
    expect(scheduleError('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(scheduleError('TZ=UTC 0 * * * *')).toBe('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    const c = cj({ schedule: 'often', concurrencyPolicy: 'Sometimes', jobTemplate: { spec: { template: podTemplate() } } });
    expect(msgs(cronJobDef.validate!(c, { operation: 'CREATE' }))).toEqual([
      'spec.schedule: Invalid value: "often": expected exactly 5 fields, found 1: [often]',
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ]);
  });
  it('print SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR', () => {
    const c = cj({ schedule: '@hourly', timeZone: 'Europe/Rome', suspend: true, jobTemplate: { spec: { template: podTemplate() } } }, { active: [{ name: 'a' }], lastScheduleTime: '2026-01-01T11:59:30Z' });
    expect(cronJobDef.cells!(c, now)).toEqual(['@hourly', 'Europe/Rome', 'True', 1, '30s', '60m', 'c', 'busybox:1.36', '<none>']);
    expect(cronJobDef.cells!(cj({ schedule: '@daily' }), now).slice(0, 5)).toEqual(['@daily', '<none>', '<unset>', 0, '<none>']);
  });
});
