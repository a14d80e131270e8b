/**
 * `kind: List` documents through the real kubectl 1.32 with its default validation: kubectl
 * validates List items client-side against /openapi/v2 (gnostic protobuf), so this is where
 * ove's v2 document meets kubectl's parser. Also checks that serving v2 changed nothing else:
 * explain, the patch type of apply updates (merge patch for CRD-style kinds, SMP for
 * built-ins) and diff.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startOve, type OveProcess } from './support/ove-process.js';

const STORY = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/story');
const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
`;

let ove: OveProcess;

/** The story's legacy-billing-app VirtualMachine, moved to namespace `lists`. */
function storyVm(): any {
  const vm = parse(readFileSync(join(STORY, '27-vm-legacy-billing-app.yaml'), 'utf8'));
  vm.metadata.namespace = 'lists';
  return vm;
}

const list = (...items: unknown[]) => stringify({ apiVersion: 'v1', kind: 'List', items });
const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'lists', labels: { set: 'l1' } }, data });
const gadget = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name, namespace: 'lists' }, spec });
/** The status of the first response after the request line matching `request` in kubectl's -v=7 log. */
function answerTo(stderr: string, request: RegExp): string | undefined {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => request.test(l));
  return at < 0 ? undefined : lines.slice(at).map((l) => /Response Status: (\d+ [^\n]*?) in \d+ milliseconds/.exec(l)?.[1]).find(Boolean);
}
/** The Content-Type of the PATCH kubectl sent, from its -v=7 request log. */
const patchType = (stderr: string) => /PATCH https:\/\/[\s\S]*?Content-Type: (\S+)/.exec(stderr)?.[1];

beforeAll(async () => {
  ove = await startOve();
  expect((await ove.kubectl(['create', 'ns', 'lists'])).stdout).toBe('namespace/lists created\n');
});

afterAll(async () => {
  await ove?.stop();
});

describe('kubectl apply -f of a List (client-side validation against /openapi/v2)', () => {
  it('applies a ConfigMap, a Namespace and a VirtualMachine, and reads them back', async () => {
    const r = await ove.kubectl(['apply', '-f', '-', '-v=6'], { input: list(configMap('l-cm', { a: '1' }), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'l-ns' } }, storyVm()) });
    expect(r.stdout).toBe('configmap/l-cm created\nnamespace/l-ns created\nvirtualmachine.kubevirt.io/legacy-billing-app created\n');
    expect(r.stderr).toMatch(/GET https:\/\/\S+\/openapi\/v2\?timeout=32s 200 OK/);
    expect((await ove.kubectl(['get', 'cm', 'l-cm', '-n', 'lists', '-o', 'jsonpath={.data.a}'])).stdout).toBe('1');
    expect((await ove.kubectl(['get', 'ns', 'l-ns', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Active');
    const vm = await ove.kubectl(['get', 'vm', 'legacy-billing-app', '-n', 'lists', '-o', 'jsonpath={.spec.template.spec.domain.cpu.cores}']);
    expect(vm.stdout).toBe('4');
  });

  it('refuses a List whose item has an unknown field, before creating anything', async () => {
    const bad = { ...configMap('l-bad', { a: '1' }), bogus: 1 };
    const r = await ove.kubectl(['apply', '-f', '-'], { input: list(configMap('l-good', { a: '1' }), bad) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: error validating "STDIN": error validating data: ValidationError(ConfigMap): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect((await ove.kubectl(['get', 'cm', 'l-good', '-n', 'lists'])).stderr).toBe('Error from server (NotFound): configmaps "l-good" not found\n');
  });

  it('takes numbers and strings for int-or-string and quantity fields', async () => {
    const dep = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'l-web', namespace: 'lists' },
      spec: {
        selector: { matchLabels: { app: 'l-web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
        template: { metadata: { labels: { app: 'l-web' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: 1, memory: '64Mi' } } }] } },
      },
    };
    const r = await ove.kubectl(['apply', '-f', '-'], { input: list(dep) });
    expect(r.stdout).toBe('deployment.apps/l-web created\n');
    const got = await ove.kubectl(['get', 'deploy', 'l-web', '-n', 'lists', '-o', 'jsonpath={.spec.strategy.rollingUpdate.maxSurge} {.spec.template.spec.containers[0].resources.limits.cpu}']);
    expect(got.stdout).toBe('1 1');
  });

  it('checks platform kinds deep inside the schema, and type errors too', async () => {
    const vm = storyVm();
    vm.metadata.name = 'l-vm-bad';
    vm.spec.template.spec.domain.cpu.bogus = true;
    vm.spec.template.spec.domain.cpu.cores = 'four';
    const r = await ove.kubectl(['apply', '-f', '-'], { input: list(vm) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: error validating "STDIN": error validating data: \[/);
    expect(r.stderr).toContain('unknown field "bogus" in io.kubevirt.v1.VirtualMachine.spec.template.spec.domain.cpu');
    expect(r.stderr).toContain('invalid type for io.kubevirt.v1.VirtualMachine.spec.template.spec.domain.cpu.cores: got "string", expected "integer"');
  });

  it('validates the kinds of a CRD added after the server started', async () => {
    expect((await ove.kubectl(['apply', '-f', '-'], { input: CRD })).stdout).toBe('customresourcedefinition.apiextensions.k8s.io/gadgets.example.com created\n');
    await ove.kubectl(['wait', '--for=condition=Established', 'crd/gadgets.example.com', '--timeout=20s']);
    const bad = await ove.kubectl(['apply', '-f', '-'], { input: list(gadget('g-bad', { size: 1, colour: 'red' })) });
    expect(bad.stderr).toBe(
      'error: error validating "STDIN": error validating data: ValidationError(Gadget.spec): unknown field "colour" in com.example.v1.Gadget.spec; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    const ok = await ove.kubectl(['apply', '-f', '-'], { input: list(gadget('g1', { size: 1 })) });
    expect(ok.stdout).toBe('gadget.example.com/g1 created\n');
  });

  it('round-trips `kubectl get -l … -o yaml` through apply', async () => {
    await ove.kubectl(['apply', '-f', '-'], { input: list(configMap('l-rt', { x: 'old' })) });
    const got = await ove.kubectl(['get', 'cm', '-n', 'lists', '-l', 'set=l1', '-o', 'yaml']);
    expect(parse(got.stdout)).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    const again = await ove.kubectl(['apply', '-f', '-'], { input: got.stdout });
    expect(again.code).toBe(0);
    // The last-applied annotation now also records resourceVersion, uid and creationTimestamp.
    expect(again.stdout).toBe('configmap/l-cm configured\nconfigmap/l-rt configured\n');
    const edited = await ove.kubectl(['get', 'cm', '-n', 'lists', '-l', 'set=l1', '-o', 'yaml']);
    const r = await ove.kubectl(['apply', '-f', '-'], { input: edited.stdout.replace('x: old', 'x: new') });
    expect(r.stdout).toMatch(/configmap\/l-rt configured\n/);
    expect((await ove.kubectl(['get', 'cm', 'l-rt', '-n', 'lists', '-o', 'jsonpath={.data.x}'])).stdout).toBe('new');
  });

  it('round-trips `kubectl get cm,vm -o yaml` (statuses written by the controllers included)', async () => {
    const got = await ove.kubectl(['get', 'cm,vm', '-n', 'lists', '-o', 'yaml']);
    const kinds = parse(got.stdout).items.map((i: any) => `${i.kind}/${i.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['ConfigMap/l-cm', 'ConfigMap/kube-root-ca.crt', 'VirtualMachine/legacy-billing-app']));
    expect(parse(got.stdout).items.find((i: any) => i.kind === 'VirtualMachine').status).toBeDefined();
    const r = await ove.kubectl(['apply', '-f', '-'], { input: got.stdout });
    expect(r.code).toBe(0);
    // kube-root-ca.crt was made by the controller, not applied: kubectl warns and adds the annotation.
    expect(r.stderr).toMatch(/^Warning: resource configmaps\/kube-root-ca.crt is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
    expect(r.stdout).toBe('configmap/kube-root-ca.crt configured\nconfigmap/l-cm configured\nconfigmap/l-rt configured\nvirtualmachine.kubevirt.io/legacy-billing-app configured\n');
  });
});

describe('what v2 must not change', () => {
  it('GET /openapi/v2 without the protobuf Accept is still 404', async () => {
    const r = await ove.api('GET', '/openapi/v2');
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('kubectl explain reads v3 and still works', async () => {
    const r = await ove.kubectl(['explain', 'vm.spec.running']);
    expect(r.stdout).toMatch(/^GROUP:\s+kubevirt\.io\nKIND:\s+VirtualMachine\nVERSION:\s+v1\n\nFIELD: running <boolean>/);
  });

  it('apply updates a CRD object with a merge patch after reading v2, and a built-in with SMP', async () => {
    const crd = await ove.kubectl(['apply', '-f', '-', '-v=7'], { input: stringify(gadget('g1', { size: 2 })) });
    expect(crd.stdout).toBe('gadget.example.com/g1 configured\n');
    expect(answerTo(crd.stderr, /GET https:\/\/\S+\/openapi\/v2\?timeout=32s$/)).toBe('200 OK');
    expect(crd.stderr).toContain('Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf\n');
    expect(patchType(crd.stderr)).toBe('application/merge-patch+json');
    const vm = storyVm();
    vm.spec.template.spec.domain.cpu.cores = 2;
    const plat = await ove.kubectl(['apply', '-f', '-', '-v=7'], { input: stringify(vm) });
    expect(plat.stdout).toBe('virtualmachine.kubevirt.io/legacy-billing-app configured\n');
    expect(patchType(plat.stderr)).toBe('application/merge-patch+json');
    // l-cm's last-applied configuration came from `kubectl get -o yaml` (round trip above), so this
    // patch also removes resourceVersion, uid and creationTimestamp: an unconditional update.
    const builtin = await ove.kubectl(['apply', '-f', '-', '-v=7'], { input: stringify(configMap('l-cm', { a: '2' })) });
    expect(builtin.stdout).toBe('configmap/l-cm configured\n');
    expect(patchType(builtin.stderr)).toBe('application/strategic-merge-patch+json');
    // A patch that pins a stale resourceVersion still conflicts.
    const stale = await ove.kubectl(['patch', 'cm', 'l-cm', '-n', 'lists', '--type=merge', '-p', '{"metadata":{"resourceVersion":"1"},"data":{"a":"9"}}']);
    expect(stale.stderr).toBe('Error from server (Conflict): Operation cannot be fulfilled on configmaps "l-cm": the object has been modified; please apply your changes to the latest version and try again\n');
    expect((await ove.kubectl(['get', 'gadget', 'g1', '-n', 'lists', '-o', 'jsonpath={.spec.size}'])).stdout).toBe('2');
  });

  it('kubectl diff of a List shows the change and stores nothing', async () => {
    const r = await ove.kubectl(['diff', '-f', '-'], { input: list(configMap('l-cm', { a: '3' })) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^-  a: "2"$/m);
    expect(r.stdout).toMatch(/^\+  a: "3"$/m);
    expect((await ove.kubectl(['get', 'cm', 'l-cm', '-n', 'lists', '-o', 'jsonpath={.data.a}'])).stdout).toBe('2');
  });
});
