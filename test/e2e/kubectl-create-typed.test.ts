/**
 * The typed `kubectl create` commands (deployment, service, quota, pdb, ingress, job, cronjob,
 * priorityclass), which send protobuf bodies, against `ove up --no-twin`: what kubectl prints and
 * what the API server stores. ove runs no Deployment, Job or CronJob controllers, so no status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import protobuf from 'protobufjs';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;

beforeAll(async () => {
  ove = await startOve();
  expect((await ove.kubectl(['create', 'ns', 't1'])).stdout).toBe('namespace/t1 created\n');
});

afterAll(async () => {
  await ove?.stop();
});

const create = async (args: string[]) => {
  const r = await ove.kubectl(['create', ...args]);
  expect(r.stderr).toBe('');
  return r.stdout;
};
const getJSON = async (...args: string[]) => {
  const r = await ove.kubectl(['get', ...args, '-o', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('kubectl create (protobuf bodies)', () => {
  it('deployment with images, replicas, port and a command', async () => {
    expect(await create(['deployment', 'web', '-n', 't1', '--image=nginx:1.27', '--image=redis:7', '--replicas=3'])).toBe('deployment.apps/web created\n');
    expect(await create(['deployment', 'sleeper', '-n', 't1', '--image=busybox:1.36', '--replicas=0', '--port=8080', '--', 'sleep', '3600'])).toBe('deployment.apps/sleeper created\n');
    const web = await getJSON('deploy', 'web', '-n', 't1');
    expect(web.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(web.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }, { name: 'redis', image: 'redis:7' }]);
    expect(web.status ?? {}).toEqual({});
    const sleeper = await getJSON('deploy', 'sleeper', '-n', 't1');
    expect(sleeper.spec.replicas).toBe(0);
    expect(sleeper.spec.template.spec.containers[0]).toMatchObject({ command: ['sleep', '3600'], ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    expect((await ove.kubectl(['get', 'deploy', '-n', 't1', '--no-headers'])).stdout).toMatch(/^sleeper\s+0\/0\s+0\s+0\s+\d+s\nweb\s+0\/3\s+0\s+0\s+\d+s\n$/);
  });

  it('services of every type', async () => {
    expect(await create(['service', 'clusterip', 'web', '-n', 't1', '--tcp=80:8080', '--tcp=443'])).toBe('service/web created\n');
    expect(await create(['service', 'nodeport', 'np', '-n', 't1', '--tcp=80:8080', '--node-port=30080'])).toBe('service/np created\n');
    expect(await create(['service', 'loadbalancer', 'lb', '-n', 't1', '--tcp=443:https'])).toBe('service/lb created\n');
    expect(await create(['service', 'clusterip', 'hl', '-n', 't1', '--clusterip=None'])).toBe('service/hl created\n');
    expect(await create(['service', 'externalname', 'ext', '-n', 't1', '--external-name=db.example.com'])).toBe('service/ext created\n');
    const web = await getJSON('svc', 'web', '-n', 't1');
    expect(web.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: '443', port: 443, targetPort: 443 }] });
    expect((await getJSON('svc', 'np', '-n', 't1')).spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort: 30080 });
    expect((await getJSON('svc', 'lb', '-n', 't1')).spec).toMatchObject({ type: 'LoadBalancer', ports: [{ port: 443, targetPort: 'https' }] });
    expect((await getJSON('svc', 'hl', '-n', 't1')).spec.clusterIP).toBe('None');
    expect((await getJSON('svc', 'ext', '-n', 't1')).spec).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com' });
  });

  it('quota, pdb and ingress', async () => {
    expect(await create(['quota', 'q1', '-n', 't1', '--hard=cpu=2,memory=4Gi,pods=10', '--scopes=NotBestEffort'])).toBe('resourcequota/q1 created\n');
    expect((await getJSON('quota', 'q1', '-n', 't1')).spec).toEqual({ hard: { cpu: '2', memory: '4Gi', pods: '10' }, scopes: ['NotBestEffort'] });
    expect(await create(['pdb', 'p1', '-n', 't1', '--selector=app=web', '--min-available=2'])).toBe('poddisruptionbudget.policy/p1 created\n');
    expect(await create(['pdb', 'p2', '-n', 't1', '--selector=app=web', '--max-unavailable=25%'])).toBe('poddisruptionbudget.policy/p2 created\n');
    expect((await getJSON('pdb', 'p1', '-n', 't1')).spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } });
    expect((await getJSON('pdb', 'p2', '-n', 't1')).spec).toMatchObject({ maxUnavailable: '25%' });
    const args = ['ingress', 'ing1', '-n', 't1', '--class=nginx', '--rule=foo.com/path*=svc:8080,tls=my-cert', '--rule=bar.com/=svc2:http', '--default-backend=defsvc:80'];
    expect(await create(args)).toBe('ingress.networking.k8s.io/ing1 created\n');
    const ing = await getJSON('ingress', 'ing1', '-n', 't1');
    expect(ing.spec).toEqual({
      ingressClassName: 'nginx', defaultBackend: { service: { name: 'defsvc', port: { number: 80 } } }, tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }],
      rules: [
        { host: 'foo.com', http: { paths: [{ path: '/path', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 8080 } } } }] } },
        { host: 'bar.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: { service: { name: 'svc2', port: { name: 'http' } } } }] } },
      ],
    });
  });

  it('job and cronjob: served, defaulted, listed by get all', async () => {
    expect(await create(['job', 'j1', '-n', 't1', '--image=busybox:1.36', '--', 'echo', 'hi'])).toBe('job.batch/j1 created\n');
    const job = await getJSON('job', 'j1', '-n', 't1');
    const uid = job.metadata.uid;
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } } });
    expect(job.spec.template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'j1', 'controller-uid': uid, 'job-name': 'j1' });
    expect(job.spec.template.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'j1', image: 'busybox:1.36', command: ['echo', 'hi'] }] });
    expect(await create(['cronjob', 'cj1', '-n', 't1', '--image=busybox:1.36', '--schedule=*/5 * * * *', '--restart=OnFailure', '--', 'date'])).toBe('cronjob.batch/cj1 created\n');
    const cj = await getJSON('cj', 'cj1', '-n', 't1');
    expect(cj.spec).toMatchObject({ schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.template.spec).toMatchObject({ restartPolicy: 'OnFailure', containers: [{ command: ['date'] }] });
    expect(await create(['job', 'from-cj', '-n', 't1', '--from=cronjob/cj1'])).toBe('job.batch/from-cj created\n');
    expect((await getJSON('job', 'from-cj', '-n', 't1')).metadata.ownerReferences).toMatchObject([{ kind: 'CronJob', name: 'cj1', controller: true }]);
    const bad = await ove.kubectl(['create', 'cronjob', 'bad', '-n', 't1', '--image=busybox', '--schedule=every minute']);
    expect(bad.stderr).toContain('spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]');
    const all = (await ove.kubectl(['get', 'all', '-n', 't1', '--no-headers'])).stdout;
    expect(all).toMatch(/^job\.batch\/j1\s+Running\s+0\/1\s+\d+s$/m);
    expect(all).toMatch(/^cronjob\.batch\/cj1\s+\*\/5 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s$/m);
    expect(all).toMatch(/^deployment\.apps\/web\s+0\/3/m);
    const batch = (await ove.kubectl(['api-resources', '--api-group=batch', '--no-headers'])).stdout;
    expect((await ove.kubectl(['explain', 'cj.spec.schedule'])).stdout).toContain('FIELD: schedule <string>');
    expect(batch).toMatch(/^cronjobs\s+cj\s+batch\/v1\s+true\s+CronJob\njobs\s+batch\/v1\s+true\s+Job\n$/);
  });

  it('priorityclass, and the system classes of every cluster', async () => {
    expect(await create(['priorityclass', 'high', '--value=1000', '--global-default=true', '--description=high priority', '--preemption-policy=Never'])).toBe('priorityclass.scheduling.k8s.io/high created\n');
    expect(await create(['pc', 'zero', '--value=0'])).toBe('priorityclass.scheduling.k8s.io/zero created\n');
    expect(await getJSON('pc', 'high')).toMatchObject({ value: 1000, globalDefault: true, description: 'high priority', preemptionPolicy: 'Never' });
    expect((await getJSON('pc', 'zero')).value).toBe(0);
    const table = (await ove.kubectl(['get', 'pc'])).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE\s+PREEMPTIONPOLICY$/);
    expect(table).toEqual(expect.arrayContaining([
      expect.stringMatching(/^high\s+1000\s+true\s+\d+s\s+Never$/),
      expect.stringMatching(/^system-cluster-critical\s+2000000000\s+false\s+\d+s\s+PreemptLowerPriority$/),
      expect.stringMatching(/^system-node-critical\s+2000001000\s+false\s+\d+s\s+PreemptLowerPriority$/),
    ]));
    const second = await ove.kubectl(['create', 'pc', 'also-default', '--value=5', '--global-default=true']);
    expect(second.stderr).toBe('error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "also-default" is forbidden: PriorityClass high is already marked as default. Only one default can exist\n');
    // The Priority admission plugin resolves a pod's class, or the global default when it names none.
    const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: t1}\nspec:\n  containers: [{name: c, image: registry.example/app:1}]\n${extra}`;
    expect((await ove.kubectl(['apply', '-f', '-'], { input: pod('p-default', '') })).stderr).toBe('');
    expect((await getJSON('pod', 'p-default', '-n', 't1')).spec).toMatchObject({ priorityClassName: 'high', priority: 1000, preemptionPolicy: 'Never' });
    expect((await ove.kubectl(['apply', '-f', '-'], { input: pod('p-critical', '  priorityClassName: system-node-critical\n') })).stderr).toBe('');
    expect((await getJSON('pod', 'p-critical', '-n', 't1')).spec).toMatchObject({ priority: 2000001000, preemptionPolicy: 'PreemptLowerPriority' });
    const unknown = await ove.kubectl(['apply', '-f', '-'], { input: pod('p-unknown', '  priorityClassName: nope\n') });
    expect(unknown.stderr).toContain('pods "p-unknown" is forbidden: no PriorityClass with name nope was found');
    const handSet = await ove.kubectl(['apply', '-f', '-'], { input: pod('p-hand', '  priorityClassName: system-node-critical\n  priority: 7\n') });
    expect(handSet.stderr).toContain('the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 2000001000 from the given PriorityClass name');
    const reserved = await ove.kubectl(['create', 'pc', 'system-mine', '--value=10']);
    expect(reserved.stderr).toContain("metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class");
  });
});

describe('protobuf bodies with fields ove cannot decode', () => {
  const sub = (no: number, bytes: Uint8Array) => protobuf.Writer.create().uint32((no << 3) | 2).bytes(bytes).finish();
  const str = (no: number, s: string) => protobuf.Writer.create().uint32((no << 3) | 2).string(s).finish();
  const cat = (...parts: Uint8Array[]) => Buffer.concat(parts);

  it('are refused with 415 and nothing is stored; the same object as JSON is accepted', async () => {
    // Deployment{metadata{name}, spec{selector, template{metadata{labels}, spec{volumes[{name, gcePersistentDisk{pdName}}], containers[{name, image}]}}}}
    const labels = sub(11, cat(str(1, 'app'), str(2, 'old')));
    const volume = cat(str(1, 'disk'), sub(2, sub(3, str(1, 'pd-1'))));
    const podSpec = cat(sub(1, volume), sub(2, cat(str(1, 'c'), str(2, 'busybox:1.36'))));
    const spec = cat(sub(2, sub(1, cat(str(1, 'app'), str(2, 'old')))), sub(3, cat(sub(1, labels), sub(2, podSpec))));
    const raw = cat(sub(1, str(1, 'old')), sub(2, spec));
    const body = cat(Buffer.from('k8s\0'), sub(1, cat(str(1, 'apps/v1'), str(2, 'Deployment'))), sub(2, raw));
    const res = await ove.api('POST', '/apis/apps/v1/namespaces/t1/deployments', { body, contentType: 'application/vnd.kubernetes.protobuf' });
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415,
      message: 'the protobuf body of this apps/v1 Deployment carries field 3 of VolumeSource at spec.template.spec.volumes[0], which is not decodable by ove; send the object as application/json or application/yaml instead' });
    expect((await ove.kubectl(['get', 'deploy', 'old', '-n', 't1'])).stderr).toContain('NotFound');
    const json = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'old' }, spec: { selector: { matchLabels: { app: 'old' } }, template: { metadata: { labels: { app: 'old' } },
      spec: { volumes: [{ name: 'disk', gcePersistentDisk: { pdName: 'pd-1' } }], containers: [{ name: 'c', image: 'busybox:1.36' }] } } } };
    const ok = await ove.api('POST', '/apis/apps/v1/namespaces/t1/deployments', { body: JSON.stringify(json), contentType: 'application/json' });
    expect(ok.status).toBe(201);
    expect(ok.json().spec.template.spec.volumes[0].gcePersistentDisk).toMatchObject({ pdName: 'pd-1' });
  });
});
