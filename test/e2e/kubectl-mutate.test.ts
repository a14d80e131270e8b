/**
 * Changing objects through the real kubectl: create ns|cm|secret (protobuf bodies), label,
 * annotate, patch, edit, delete with finalizers, wait, describe with events, namespace
 * deletion and garbage collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;

beforeAll(async () => {
  ove = await startOve();
  expect((await ove.kubectl(['create', 'ns', 'm1'])).stdout).toBe('namespace/m1 created\n');
});

afterAll(async () => {
  await ove?.stop();
});

const uidOf = async (args: string[]) => (await ove.kubectl(['get', ...args, '-o', 'jsonpath={.metadata.uid}'])).stdout;

describe('kubectl create, label, annotate, patch, edit', () => {
  it('create ns|cm|secret (protobuf request bodies) store what was asked', async () => {
    expect((await ove.kubectl(['create', 'ns', 'made'])).stdout).toBe('namespace/made created\n');
    const cm = await ove.kubectl(['create', 'cm', 'c1', '-n', 'made', '--from-literal=k1=v1', '--from-literal=k2=v2']);
    expect(cm.stdout).toBe('configmap/c1 created\n');
    const secret = await ove.kubectl(['create', 'secret', 'generic', 's1', '-n', 'made', '--from-literal=password=hunter2']);
    expect(secret.stdout).toBe('secret/s1 created\n');
    const tls = await ove.kubectl(['create', 'secret', 'docker-registry', 'reg', '-n', 'made', '--docker-server=r.example', '--docker-username=u', '--docker-password=p']);
    expect(tls.stdout).toBe('secret/reg created\n');
    expect((await ove.kubectl(['get', 'cm', 'c1', '-n', 'made', '-o', 'jsonpath={.data}'])).stdout).toBe('{"k1":"v1","k2":"v2"}');
    const s = JSON.parse((await ove.kubectl(['get', 'secret', 's1', '-n', 'made', '-o', 'json'])).stdout);
    expect(s.type).toBe('Opaque');
    expect(Buffer.from(s.data.password, 'base64').toString()).toBe('hunter2');
    const secrets = await ove.kubectl(['get', 'secrets', '-n', 'made']);
    expect(secrets.stdout).toMatch(/^reg\s+kubernetes\.io\/dockerconfigjson\s+1\s+\d+s$/m);
    const dup = await ove.kubectl(['create', 'cm', 'c1', '-n', 'made']);
    expect(dup.stderr).toBe('error: failed to create configmap: configmaps "c1" already exists\n');
  });

  it('label and annotate add, overwrite and remove keys', async () => {
    await ove.kubectl(['create', 'cm', 'tagged', '-n', 'm1']);
    expect((await ove.kubectl(['label', 'cm', 'tagged', '-n', 'm1', 'tier=web', 'team=a'])).stdout).toBe('configmap/tagged labeled\n');
    const clash = await ove.kubectl(['label', 'cm', 'tagged', '-n', 'm1', 'tier=db']);
    expect(clash.stderr).toBe("error: 'tier' already has a value (web), and --overwrite is false\n");
    await ove.kubectl(['label', 'cm', 'tagged', '-n', 'm1', 'tier=db', '--overwrite']);
    await ove.kubectl(['label', 'cm', 'tagged', '-n', 'm1', 'team-']);
    expect((await ove.kubectl(['annotate', 'cm', 'tagged', '-n', 'm1', 'note=hello world'])).stdout).toBe('configmap/tagged annotated\n');
    const meta = JSON.parse((await ove.kubectl(['get', 'cm', 'tagged', '-n', 'm1', '-o', 'jsonpath={.metadata}'])).stdout);
    expect(meta.labels).toEqual({ tier: 'db' });
    expect(meta.annotations).toEqual({ note: 'hello world' });
    const byLabel = await ove.kubectl(['get', 'cm', '-n', 'm1', '-l', 'tier=db', '-o', 'name']);
    expect(byLabel.stdout).toBe('configmap/tagged\n');
  });

  it('patch --type merge, json, and strategic on a Deployment\'s containers', async () => {
    const dep = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: m1}
spec:
  replicas: 1
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
      - {name: main, image: nginx:1}
      - {name: side, image: envoy:1}
`;
    await ove.kubectl(['apply', '-f', '-'], { input: dep });
    const images = async () => (await ove.kubectl(['get', 'deploy', 'app', '-n', 'm1', '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image} {end}'])).stdout;
    // Strategic merge: the containers list merges by name, so only "side" changes.
    const smp = await ove.kubectl(['patch', 'deploy', 'app', '-n', 'm1', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"envoy:2"}]}}}}']);
    expect(smp.stdout).toBe('deployment.apps/app patched\n');
    expect(await images()).toBe('main=nginx:1 side=envoy:2 ');
    // Merge patch replaces the list.
    await ove.kubectl(['patch', 'deploy', 'app', '-n', 'm1', '--type=merge', '-p', '{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"only","image":"busybox"}]}}}}']);
    expect(await images()).toBe('only=busybox ');
    const json = await ove.kubectl(['patch', 'deploy', 'app', '-n', 'm1', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/labels","value":{"p":"j"}}]']);
    expect(json.stdout).toBe('deployment.apps/app patched\n');
    expect((await ove.kubectl(['get', 'deploy', 'app', '-n', 'm1', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.p}'])).stdout).toBe('5 j');
    const failed = await ove.kubectl(['patch', 'deploy', 'app', '-n', 'm1', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":1}]']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    const noop = await ove.kubectl(['patch', 'deploy', 'app', '-n', 'm1', '--type=merge', '-p', '{"spec":{"replicas":5}}']);
    expect(noop.stdout).toBe('deployment.apps/app patched (no change)\n');
  });

  it('scale goes through the scale subresource of a Deployment', async () => {
    const r = await ove.kubectl(['scale', 'deploy', 'app', '-n', 'm1', '--replicas=7']);
    expect(r.stdout).toBe('deployment.apps/app scaled\n');
    expect((await ove.kubectl(['get', 'deploy', 'app', '-n', 'm1', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('7');
    const scale = JSON.parse((await ove.kubectl(['get', '--raw', '/apis/apps/v1/namespaces/m1/deployments/app/scale'])).stdout);
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 7 }, status: { selector: 'app=app' } });
    const stale = await ove.kubectl(['scale', 'deploy', 'app', '-n', 'm1', '--replicas=2', '--resource-version=1']);
    // kubectl checks the precondition against the Scale's resourceVersion itself.
    expect(stale.stderr).toMatch(/^error: Expected resource version to be 1, was \d+\n$/);
  });

  it('edit with a scripted EDITOR', async () => {
    await ove.kubectl(['create', 'cm', 'edited', '-n', 'm1', '--from-literal=color=red']);
    const r = await ove.kubectl(['edit', 'cm', 'edited', '-n', 'm1'], { env: { EDITOR: 'sed -i s/red/blue/' } });
    expect(r.stdout).toBe('configmap/edited edited\n');
    expect((await ove.kubectl(['get', 'cm', 'edited', '-n', 'm1', '-o', 'jsonpath={.data.color}'])).stdout).toBe('blue');
    const none = await ove.kubectl(['edit', 'cm', 'edited', '-n', 'm1'], { env: { EDITOR: 'true' } });
    expect(none.stderr).toBe('Edit cancelled, no changes made.\n');
  });
});

describe('deletion', () => {
  it('delete waits on a finalizer until another client removes it', async () => {
    await ove.kubectl(['create', 'cm', 'held', '-n', 'm1']);
    await ove.kubectl(['patch', 'cm', 'held', '-n', 'm1', '--type=merge', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']);
    const del = ove.spawnKubectl(['delete', 'cm', 'held', '-n', 'm1', '--timeout=30s'], { timeoutMs: 40_000 });
    await del.waitFor('configmap "held" deleted\n');
    // Still there, marked for deletion, and kubectl is still waiting.
    const ts = await ove.kubectl(['get', 'cm', 'held', '-n', 'm1', '-o', 'jsonpath={.metadata.deletionTimestamp}']);
    expect(ts.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    let finished = false;
    void del.done.then(() => (finished = true));
    expect(finished).toBe(false);
    await ove.kubectl(['patch', 'cm', 'held', '-n', 'm1', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']);
    const done = await del.done;
    expect(done.code).toBe(0);
    expect((await ove.kubectl(['get', 'cm', 'held', '-n', 'm1'])).stderr).toBe('Error from server (NotFound): configmaps "held" not found\n');
  });

  it('wait --for=jsonpath sees a later change', async () => {
    await ove.kubectl(['create', 'cm', 'waited', '-n', 'm1', '--from-literal=state=pending']);
    const w = ove.spawnKubectl(['wait', 'cm/waited', '-n', 'm1', '--for=jsonpath={.data.state}=done', '--timeout=30s'], { timeoutMs: 40_000 });
    await ove.kubectl(['patch', 'cm', 'waited', '-n', 'm1', '--type=merge', '-p', '{"data":{"state":"done"}}']);
    const r = await w.done;
    expect(r.stdout).toBe('configmap/waited condition met\n');
    const timeout = await ove.kubectl(['wait', 'cm/waited', '-n', 'm1', '--for=jsonpath={.data.state}=never', '--timeout=1s']);
    expect(timeout.code).toBe(1);
    expect(timeout.stderr).toBe('error: timed out waiting for the condition on configmaps/waited\n');
  });

  it('namespace deletion goes Terminating and removes the contents', async () => {
    await ove.kubectl(['create', 'ns', 'doomed']);
    await ove.kubectl(['create', 'cm', 'inside', '-n', 'doomed']);
    await ove.kubectl(['create', 'cm', 'held', '-n', 'doomed']);
    await ove.kubectl(['patch', 'cm', 'held', '-n', 'doomed', '--type=merge', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']);
    const del = ove.spawnKubectl(['delete', 'ns', 'doomed', '--timeout=30s'], { timeoutMs: 40_000 });
    await del.waitFor('namespace "doomed" deleted\n');
    const phase = await ove.kubectl(['get', 'ns', 'doomed']);
    expect(phase.stdout).toMatch(/^doomed\s+Terminating\s+\d+s$/m);
    const created = await ove.kubectl(['create', 'cm', 'late', '-n', 'doomed']);
    expect(created.stderr).toContain('unable to create new content in namespace doomed because it is being terminated');
    await ove.kubectl(['patch', 'cm', 'held', '-n', 'doomed', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']);
    expect((await del.done).code).toBe(0);
    expect((await ove.kubectl(['get', 'ns', 'doomed'])).stderr).toBe('Error from server (NotFound): namespaces "doomed" not found\n');
    expect((await ove.kubectl(['get', 'cm', '-n', 'doomed'])).stderr).toBe('No resources found in doomed namespace.\n');
  });

  it('garbage collection follows ownerReferences: background, foreground, orphan', async () => {
    const family = async (owner: string) => {
      await ove.kubectl(['create', 'cm', owner, '-n', 'm1']);
      const uid = await uidOf(['cm', owner, '-n', 'm1']);
      const child = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${owner}-${n}\n  namespace: m1\n  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: ${owner}, uid: ${uid}, blockOwnerDeletion: true}]\n`;
      const r = await ove.kubectl(['apply', '-f', '-'], { input: `${child('a')}---\n${child('b')}` });
      expect(r.stdout).toBe(`configmap/${owner}-a created\nconfigmap/${owner}-b created\n`);
    };
    const names = async (prefix: string) =>
      (await ove.kubectl(['get', 'cm', '-n', 'm1', '-o', 'name'])).stdout.split('\n').filter((l) => l.startsWith(`configmap/${prefix}`));

    await family('bg');
    expect((await ove.kubectl(['delete', 'cm', 'bg', '-n', 'm1'])).stdout).toBe('configmap "bg" deleted\n');
    await expect.poll(() => names('bg'), { timeout: 15_000 }).toEqual([]);

    await family('fg');
    const fg = await ove.kubectl(['delete', 'cm', 'fg', '-n', 'm1', '--cascade=foreground']);
    expect(fg.stdout).toBe('configmap "fg" deleted\n');
    // kubectl waited for the owner, which goes only after its dependents.
    expect(await names('fg')).toEqual([]);

    await family('or');
    await ove.kubectl(['delete', 'cm', 'or', '-n', 'm1', '--cascade=orphan']);
    await expect.poll(async () => (await ove.kubectl(['get', 'cm', 'or-a', '-n', 'm1', '-o', 'jsonpath={.metadata.ownerReferences}'])).stdout, { timeout: 15_000 }).toBe('');
    expect(await names('or')).toEqual(['configmap/or-a', 'configmap/or-b']);
  });
});

describe('describe', () => {
  it('shows the object and its events', async () => {
    await ove.kubectl(['create', 'cm', 'described', '-n', 'm1', '--from-literal=a=b']);
    const uid = await uidOf(['cm', 'described', '-n', 'm1']);
    const now = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const event = `
apiVersion: v1
kind: Event
metadata: {name: described.1, namespace: m1}
involvedObject: {apiVersion: v1, kind: ConfigMap, name: described, namespace: m1, uid: ${uid}}
reason: Inspected
message: the e2e suite looked at it
type: Warning
count: 2
firstTimestamp: "${now}"
lastTimestamp: "${now}"
source: {component: e2e-suite}
`;
    expect((await ove.kubectl(['create', '-f', '-'], { input: event })).stdout).toBe('event/described.1 created\n');
    const r = await ove.kubectl(['describe', 'cm', 'described', '-n', 'm1']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Name:\s+described\nNamespace:\s+m1\n/);
    expect(r.stdout).toMatch(/Events:\n  Type\s+Reason\s+Age\s+From\s+Message\n  ----\s+------\s+----\s+----\s+-------\n  Warning\s+Inspected\s+\S+ \(x2 over \S+\)\s+e2e-suite\s+the e2e suite looked at it\n/);
    const events = await ove.kubectl(['get', 'events', '-n', 'm1', '--field-selector', 'involvedObject.name=described', '-o', 'name']);
    expect(events.stdout).toBe('event/described.1\n');
  });
});
