/** Writing through the real kubectl: apply (client- and server-side), CRDs, diff, dry runs, validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;

const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd], listKind: WidgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Phase, type: string, jsonPath: .status.phase}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer, minimum: 1}
              color: {type: string}
          status:
            type: object
            properties:
              phase: {type: string}
`;

const widget = (name: string, spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}, namespace: a1}\nspec: ${spec}\n`;
const cm = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: a1}\ndata: ${data}\n`;

beforeAll(async () => {
  ove = await startOve();
  expect((await ove.kubectl(['create', 'ns', 'a1'])).stdout).toBe('namespace/a1 created\n');
});

afterAll(async () => {
  await ove?.stop();
});

describe('kubectl apply (client-side)', () => {
  it('creates, reports unchanged, and patches a built-in with strategic merge', async () => {
    const dep = (image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a1}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: c, image: ${image}}
      - {name: sidecar, image: envoy}
`;
    expect((await ove.kubectl(['apply', '-f', '-'], { input: dep('nginx:1') })).stdout).toBe('deployment.apps/web created\n');
    expect((await ove.kubectl(['apply', '-f', '-'], { input: dep('nginx:1') })).stdout).toBe('deployment.apps/web unchanged\n');
    const r = await ove.kubectl(['apply', '-f', '-', '-v=6'], { input: dep('nginx:2') });
    expect(r.stdout).toBe('deployment.apps/web configured\n');
    expect(r.stderr).toMatch(/PATCH https:\/\/\S+\/apis\/apps\/v1\/namespaces\/a1\/deployments\/web\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict 200/);
    const images = await ove.kubectl(['get', 'deploy', 'web', '-n', 'a1', '-o', 'jsonpath={.spec.template.spec.containers[*].image}']);
    expect(images.stdout).toBe('nginx:2 envoy');
    const gen = await ove.kubectl(['get', 'deploy', 'web', '-n', 'a1', '-o', 'jsonpath={.metadata.generation}']);
    expect(gen.stdout).toBe('2');
    // Dropping the sidecar from the manifest removes it (a $setElementOrder/$patch: delete SMP),
    // while a label another manager added stays.
    await ove.kubectl(['label', 'deploy', 'web', '-n', 'a1', 'added-by=hand']);
    const dropped = await ove.kubectl(['apply', '-f', '-'], { input: dep('nginx:2').replace(/ {6}- \{name: sidecar, image: envoy\}\n/, '') });
    expect(dropped.stdout).toBe('deployment.apps/web configured\n');
    const after = await ove.kubectl(['get', 'deploy', 'web', '-n', 'a1', '-o', 'jsonpath={.spec.template.spec.containers[*].name} {.metadata.labels}']);
    expect(after.stdout).toBe('c {"added-by":"hand"}');
  });

  it('applies a platform kind and keeps the last-applied annotation', async () => {
    const dv = `
apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata: {name: disk1, namespace: a1}
spec:
  source: {blank: {}}
  storage:
    resources: {requests: {storage: 1Gi}}
`;
    expect((await ove.kubectl(['apply', '-f', '-'], { input: dv })).stdout).toBe('datavolume.cdi.kubevirt.io/disk1 created\n');
    const last = await ove.kubectl(['get', 'dv', 'disk1', '-n', 'a1', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']);
    expect(JSON.parse(last.stdout)).toMatchObject({ kind: 'DataVolume', spec: { source: { blank: {} } } });
    const table = await ove.kubectl(['get', 'dv', '-n', 'a1']);
    expect(table.stdout.split('\n')[0].split(/\s+/).filter(Boolean)).toEqual(['NAME', 'PHASE', 'PROGRESS', 'RESTARTS', 'AGE']);
  });

  it('adds a CRD, then serves its objects with printer columns and a status subresource', async () => {
    expect((await ove.kubectl(['apply', '-f', '-'], { input: CRD })).stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n');
    const est = await ove.kubectl(['wait', '--for=condition=Established', 'crd/widgets.example.com', '--timeout=20s']);
    expect(est.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met\n');
    const created = await ove.kubectl(['apply', '-f', '-'], { input: widget('w1', '{size: 3, color: red}') + 'status: {phase: Ignored}\n' });
    expect(created.stdout).toBe('widget.example.com/w1 created\n');
    // The main resource ignores status; the status subresource sets it.
    expect((await ove.kubectl(['get', 'wd', 'w1', '-n', 'a1', '-o', 'jsonpath={.status}'])).stdout).toBe('');
    const st = await ove.kubectl(['patch', 'wd', 'w1', '-n', 'a1', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Ready"}}']);
    expect(st.stdout).toBe('widget.example.com/w1 patched\n');
    const table = await ove.kubectl(['get', 'widgets', '-n', 'a1']);
    expect(table.stdout).toMatch(/^NAME\s+SIZE\s+PHASE\s+AGE\nw1\s+3\s+Ready\s+\d+s\n$/);
    const explained = await ove.kubectl(['explain', 'widget.spec']);
    expect(explained.stdout).toMatch(/FIELDS:\n  color\t<string>[\s\S]*  size\t<integer>/);
  });

  it('checks CRD objects against the schema', async () => {
    const bad = await ove.kubectl(['apply', '-f', '-'], { input: widget('w2', '{size: 0}') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('The Widget "w2" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1\n');
    const unknown = await ove.kubectl(['apply', '-f', '-'], { input: widget('w2', '{size: 2, bogus: 1}') });
    expect(unknown.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.bogus"\n');
  });

  it('--validate=strict names the unknown field of a built-in; --validate=false drops it', async () => {
    const body = cm('strict', '{a: "1"}') + 'bogus: 1\n';
    const r = await ove.kubectl(['create', '--validate=strict', '-f', '-'], { input: body });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"\n');
    const loose = await ove.kubectl(['create', '--validate=false', '-f', '-'], { input: body });
    expect(loose.stdout).toBe('configmap/strict created\n');
    const warn = await ove.kubectl(['create', '--validate=warn', '-f', '-'], { input: body.replace('strict', 'warned') });
    expect(warn.stdout).toBe('configmap/warned created\n');
    expect(warn.stderr).toBe('Warning: unknown field "bogus"\n');
  });
});

describe('kubectl apply --server-side', () => {
  it('creates with managedFields, conflicts with another manager, and --force-conflicts takes the field', async () => {
    const first = await ove.kubectl(['apply', '--server-side', '-f', '-'], { input: cm('ssa', '{owned: "a", k: "1"}') });
    expect(first.stdout).toBe('configmap/ssa serverside-applied\n');
    const mf = JSON.parse((await ove.kubectl(['get', 'cm', 'ssa', '-n', 'a1', '-o', 'jsonpath={.metadata.managedFields}'])).stdout);
    expect(mf).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:k': {}, 'f:owned': {} } } })]);

    const other = await ove.kubectl(['apply', '--server-side', '--field-manager=other', '-f', '-'], { input: cm('ssa', '{owned: "b"}') });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl": \.data\.owned\n/);

    const forced = await ove.kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', '-'], { input: cm('ssa', '{owned: "b"}') });
    expect(forced.stdout).toBe('configmap/ssa serverside-applied\n');
    const after = JSON.parse((await ove.kubectl(['get', 'cm', 'ssa', '-n', 'a1', '-o', 'json', '--show-managed-fields'])).stdout);
    expect(after.data).toEqual({ owned: 'b', k: '1' });
    const owners = Object.fromEntries(after.metadata.managedFields.map((e: any) => [e.manager, e.fieldsV1]));
    expect(owners).toEqual({ kubectl: { 'f:data': { 'f:k': {} } }, other: { 'f:data': { 'f:owned': {} } } });
  });

  it('server-side applies a CRD object', async () => {
    const r = await ove.kubectl(['apply', '--server-side', '-f', '-'], { input: widget('w3', '{size: 5}') });
    expect(r.stdout).toBe('widget.example.com/w3 serverside-applied\n');
    expect((await ove.kubectl(['get', 'wd', 'w3', '-n', 'a1', '-o', 'jsonpath={.spec.size}'])).stdout).toBe('5');
  });
});

describe('kubectl diff and dry runs', () => {
  it('diff shows the change (exit 1) and nothing for an unchanged object (exit 0)', async () => {
    await ove.kubectl(['apply', '-f', '-'], { input: cm('diffed', '{a: "1"}') });
    const same = await ove.kubectl(['diff', '-f', '-'], { input: cm('diffed', '{a: "1"}') });
    expect(same).toMatchObject({ code: 0, stdout: '' });
    const changed = await ove.kubectl(['diff', '-f', '-'], { input: cm('diffed', '{a: "2"}') });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^-  a: "1"$/m);
    expect(changed.stdout).toMatch(/^\+  a: "2"$/m);
    // The server-side dry run behind diff stored nothing.
    expect((await ove.kubectl(['get', 'cm', 'diffed', '-n', 'a1', '-o', 'jsonpath={.data.a}'])).stdout).toBe('1');
  });

  it('create --dry-run=server validates and stores nothing', async () => {
    const r = await ove.kubectl(['create', 'cm', 'dry', '-n', 'a1', '--from-literal=a=b', '--dry-run=server', '-o', 'jsonpath={.metadata.uid}']);
    expect(r.stdout).toMatch(/^[0-9a-f-]{36}$/);
    const named = await ove.kubectl(['create', 'ns', 'dry-ns', '--dry-run=server']);
    expect(named.stdout).toBe('namespace/dry-ns created (server dry run)\n');
    const get = await ove.kubectl(['get', 'cm', 'dry', '-n', 'a1']);
    expect(get.stderr).toBe('Error from server (NotFound): configmaps "dry" not found\n');
    expect((await ove.kubectl(['get', 'ns', 'dry-ns'])).stderr).toBe('Error from server (NotFound): namespaces "dry-ns" not found\n');
  });
});
