/** Reading through the real kubectl: get (tables, formats, selectors, -A, all, -w), api-resources, explain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;

const FIXTURES = `
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: g1, labels: {app: web, tier: front}}
data: {a: "1", b: "2"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: db-config, namespace: g1, labels: {app: db}}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other, namespace: g2, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: g1, labels: {app: web}}
spec:
  nodeName: worker-1
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: p2, namespace: g1}
spec:
  containers: [{name: c, image: nginx}, {name: d, image: busybox}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: g1}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
---
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: g1}
spec:
  runStrategy: Halted
  template:
    spec:
      domain:
        devices: {}
        memory: {guest: 1Gi}
`;

/** The rows of a printed table, split on runs of 2+ spaces. */
function rows(out: string): string[][] {
  return out.trimEnd().split('\n').map((l) => l.trim().split(/\s{2,}/));
}

beforeAll(async () => {
  ove = await startOve();
  await Promise.all(['g1', 'g2'].map((n) => ove.kubectl(['create', 'ns', n])));
  const r = await ove.kubectl(['apply', '-f', '-'], { input: FIXTURES });
  expect(r.stderr).toBe('');
});

afterAll(async () => {
  await ove?.stop();
});

describe('kubectl get', () => {
  it('prints the server-side table of a built-in', async () => {
    const r = await ove.kubectl(['get', 'cm', '-n', 'g1']);
    expect(r.stderr).toBe('');
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['NAME', 'DATA', 'AGE']);
    expect(t.slice(1).map((c) => c.slice(0, 2))).toEqual([['db-config', '1'], ['kube-root-ca.crt', '1'], ['web-config', '2']]);
    expect(t[1][2]).toMatch(/^\d+s$/);
  });

  it('prints pods with computed READY and STATUS, and the wide columns with -o wide', async () => {
    const plain = rows((await ove.kubectl(['get', 'pods', '-n', 'g1'])).stdout);
    expect(plain[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(plain[1].slice(0, 4)).toEqual(['p1', '0/1', 'Pending', '0']);
    expect(plain[2].slice(0, 4)).toEqual(['p2', '0/2', 'Pending', '0']);
    const wide = rows((await ove.kubectl(['get', 'pods', '-n', 'g1', '-o', 'wide'])).stdout);
    expect(wide[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(wide[1][6]).toBe('worker-1');
  });

  it('prints the VM columns (AGE STATUS READY)', async () => {
    const r = await ove.kubectl(['get', 'vm', '-n', 'g1']);
    expect(r.stdout.split('\n')[0].split(/\s+/).filter(Boolean)).toEqual(['NAME', 'AGE', 'STATUS', 'READY']);
    expect(r.stdout).toMatch(/^vm1\s+\d+s/m);
  });

  it('-o yaml and -o json print the object; a list is kind List', async () => {
    const y = await ove.kubectl(['get', 'cm', 'web-config', '-n', 'g1', '-o', 'yaml']);
    expect(y.stdout).toMatch(/^apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n/);
    expect(y.stdout).toMatch(/\n  uid: [0-9a-f-]{36}\n/);
    const j = JSON.parse((await ove.kubectl(['get', 'cm', '-n', 'g1', '-l', 'app', '-o', 'json'])).stdout);
    expect(j.kind).toBe('List');
    expect(j.items.map((i: any) => i.metadata.name)).toEqual(['db-config', 'web-config']);
    expect(j.items[1].metadata.labels).toEqual({ app: 'web', tier: 'front' });
  });

  it('filters with -l (equality and set-based)', async () => {
    const eq = await ove.kubectl(['get', 'cm', '-n', 'g1', '-l', 'app=web', '-o', 'name']);
    expect(eq.stdout).toBe('configmap/web-config\n');
    const set = await ove.kubectl(['get', 'cm', '-n', 'g1', '-l', 'app in (web,db),tier notin (back)', '-o', 'name']);
    expect(set.stdout).toBe('configmap/db-config\nconfigmap/web-config\n');
    const none = await ove.kubectl(['get', 'cm', '-n', 'g1', '-l', 'app=nothing']);
    expect(none.stderr).toBe('No resources found in g1 namespace.\n');
  });

  it('filters with --field-selector (metadata.name, pods spec.nodeName and status.phase)', async () => {
    const byName = await ove.kubectl(['get', 'cm', '-A', '--field-selector', 'metadata.name=other', '-o', 'name']);
    expect(byName.stdout).toBe('configmap/other\n');
    const node = await ove.kubectl(['get', 'pods', '-n', 'g1', '--field-selector', 'spec.nodeName=worker-1', '-o', 'name']);
    expect(node.stdout).toBe('pod/p1\n');
    const phase = await ove.kubectl(['get', 'pods', '-n', 'g1', '--field-selector', 'status.phase!=Running,spec.nodeName!=worker-1', '-o', 'name']);
    expect(phase.stdout).toBe('pod/p2\n');
    const bad = await ove.kubectl(['get', 'cm', '-n', 'g1', '--field-selector', 'data.a=1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('field label not supported: data.a');
  });

  it('-A adds the NAMESPACE column', async () => {
    const t = rows((await ove.kubectl(['get', 'cm', '-A', '-l', 'app=web'])).stdout);
    expect(t[0]).toEqual(['NAMESPACE', 'NAME', 'DATA', 'AGE']);
    expect(t.slice(1).map((c) => c.slice(0, 2))).toEqual([['g1', 'web-config'], ['g2', 'other']]);
  });

  it('get all lists every kind of the "all" category, VMs included', async () => {
    const r = await ove.kubectl(['get', 'all', '-n', 'g1']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^pod\/p1\s+0\/1\s+Pending/m);
    expect(r.stdout).toMatch(/^deployment\.apps\/web\s+0\/2\s+0\s+0/m);
    expect(r.stdout).toMatch(/^virtualmachine\.kubevirt\.io\/vm1\s/m);
    expect(r.stdout).not.toContain('configmap');
  });

  it('get -w prints the table, then a row for each change, until killed', async () => {
    const w = ove.spawnKubectl(['get', 'cm', '-n', 'g2', '-w'], { timeoutMs: 20_000 });
    await w.waitFor(/^other\s+0\s+\S+\n/m);
    const created = await ove.kubectl(['create', 'cm', 'watched', '-n', 'g2', '--from-literal=x=y']);
    expect(created.stdout).toBe('configmap/watched created\n');
    await w.waitFor(/^watched\s+1\s+\d+s\n/m);
    await ove.kubectl(['label', 'cm', 'watched', '-n', 'g2', 'seen=yes']);
    await w.waitFor(/^watched\s+1\s+\d+s\n[\s\S]*^watched\s+1\s+\d+s\n/m);
    w.kill();
    const done = await w.done;
    expect(rows(done.stdout)[0]).toEqual(['NAME', 'DATA', 'AGE']);
  });

  it('get -w -o json streams the objects', async () => {
    const w = ove.spawnKubectl(['get', 'cm', '-n', 'g2', '-l', 'stream=yes', '-w', '-o', 'json'], { timeoutMs: 20_000 });
    // Created before or after the watch opens, the object shows up either way (list, then watch).
    await ove.kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: watched2, namespace: g2, labels: {stream: "yes"}}\n' });
    await w.waitFor('"name": "watched2"');
    w.kill();
    expect((await w.done).stdout).toContain('"kind": "ConfigMap"');
  });
});

describe('kubectl api-resources and explain', () => {
  it('lists the short names users type', async () => {
    const r = await ove.kubectl(['api-resources']);
    const byName = new Map(rows(r.stdout).map((c) => [c[0], c]));
    expect(byName.get('virtualmachines')?.[1]).toBe('vm,vms');
    expect(byName.get('virtualmachineinstances')?.[1]).toBe('vmi,vmis');
    expect(byName.get('virtualmachineinstancemigrations')?.[1]).toBe('vmim,vmims');
    expect(byName.get('datavolumes')?.[1]).toBe('dv,dvs');
    expect(byName.get('persistentvolumeclaims')?.slice(1)).toEqual(['pvc', 'v1', 'true', 'PersistentVolumeClaim']);
    expect(byName.get('namespaces')?.slice(1)).toEqual(['ns', 'v1', 'false', 'Namespace']);
    const vms = await ove.kubectl(['api-resources', '--api-group=kubevirt.io', '-o', 'name']);
    expect(vms.stdout).toContain('virtualmachines.kubevirt.io\n');
  });

  it('explain vm.spec.running', async () => {
    const r = await ove.kubectl(['explain', 'vm.spec.running']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^GROUP:\s+kubevirt\.io\nKIND:\s+VirtualMachine\nVERSION:\s+v1\n\nFIELD: running <boolean>\n/);
    expect(r.stdout).toMatch(/DESCRIPTION:\n\s+Running controls whether the associatied VirtualMachineInstance is created\n\s+or not Mutually exclusive with RunStrategy/);
  });

  it('explain pod.spec.containers, with its description and fields', async () => {
    const r = await ove.kubectl(['explain', 'pod.spec.containers']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: containers <\[\]Container>\n/);
    expect(r.stdout).toContain('List of containers belonging to the pod.');
    expect(r.stdout).toMatch(/^  image\t<string>$/m);
    expect(r.stdout).toMatch(/^  name\t<string> -required-$/m);
  });
});
