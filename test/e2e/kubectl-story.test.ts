/**
 * Every story API object through the real kubectl: applied with default validation and read
 * back unchanged, or rejected with the message the real platform gives
 * (docs/api-platform-kinds.md, "Story manifests").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startOve, type OveProcess } from './support/ove-process.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/story');
const REJECTED = new Set(['10-vm-test-linux-01.yaml', '11-vm-test-win-01.yaml', '13-vm-test-linux-02-clone.yaml', '18-storagecluster-encryption.yaml', '26-hyperconverged.yaml']);
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const accepted = files.filter((f) => !REJECTED.has(f));

/** The documents of a manifest as kubectl reads them (sigs.k8s.io/yaml: YAML 1.1, so `0644` is 420). */
function docs(file: string): any[] {
  return parseAllDocuments(readFileSync(join(DIR, file), 'utf8'), { version: '1.1' }).map((d) => d.toJS()).filter((d) => d);
}

/** Paths where `got` differs from `want` (every field of `want` must be in `got`, equal). */
function differences(want: unknown, got: unknown, path = ''): string[] {
  if (want === null || typeof want !== 'object') return Object.is(want, got) ? [] : [`${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return [`${path}: want ${want.length} items, got ${JSON.stringify(got)}`];
    return want.flatMap((w, i) => differences(w, got[i], `${path}[${i}]`));
  }
  if (got === null || typeof got !== 'object') return [`${path}: missing`];
  return Object.entries(want).flatMap(([k, v]) => differences(v, (got as Record<string, unknown>)[k], `${path}.${k}`));
}

let ove: OveProcess;

beforeAll(async () => {
  ove = await startOve();
  const namespaces = new Set(files.flatMap((f) => docs(f).map((d) => d.metadata?.namespace).filter(Boolean)));
  const created = await Promise.all([...namespaces].filter((n) => n !== 'default').map((n) => ove.kubectl(['create', 'ns', n])));
  expect(created.map((r) => r.stderr).join('')).toBe('');
});

afterAll(async () => {
  await ove?.stop();
});

describe('story manifests', () => {
  it('fixtures hold the 17 applicable story files and the 5 the platform rejects', () => {
    expect(accepted).toHaveLength(17);
    expect(files.filter((f) => REJECTED.has(f))).toHaveLength(5);
  });

  it.each(accepted)('%s applies and reads back unchanged', async (file) => {
    const want = docs(file);
    const applied = await ove.kubectl(['apply', '-f', join(DIR, file)]);
    expect(applied.stderr).toBe('');
    const lines = want.map((d) => {
      const group = d.apiVersion.includes('/') ? `.${d.apiVersion.split('/')[0]}` : '';
      return `${d.kind.toLowerCase()}${group}/${d.metadata.name} created`;
    });
    expect(applied.stdout.trim().split('\n')).toEqual(lines);

    const read = await ove.kubectl(['get', '-f', join(DIR, file), '-o', 'json']);
    expect(read.stderr).toBe('');
    const parsed = JSON.parse(read.stdout);
    const items = parsed.kind === 'List' ? parsed.items : [parsed];
    expect(items).toHaveLength(want.length);
    want.forEach((w, i) => expect(differences(w, items[i])).toEqual([]));

    // A second apply finds nothing to change.
    const again = await ove.kubectl(['apply', '-f', join(DIR, file)]);
    expect(again.stdout.trim().split('\n')).toEqual(lines.map((l) => l.replace(/created$/, 'unchanged')));
  });

  it('10: KubeVirt webhook rejects Secure Boot (EFI default) without SMM', async () => {
    const r = await ove.kubectl(['apply', '-f', join(DIR, '10-vm-test-linux-01.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'The request is invalid: spec.template.spec.domain: spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.\n',
    );
    const vm = docs('10-vm-test-linux-01.yaml')[0];
    const raw = await ove.api('POST', '/apis/kubevirt.io/v1/namespaces/sandbox/virtualmachines', { body: JSON.stringify(vm) });
    expect(raw.status).toBe(422);
    expect(raw.json()).toMatchObject({
      reason: 'Invalid',
      message:
        'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.',
      details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.template.spec.domain' }] },
    });
    const get = await ove.kubectl(['get', 'vm', '-n', 'sandbox', 'test-linux-01']);
    expect(get.stderr).toContain('virtualmachines.kubevirt.io "test-linux-01" not found');
  });

  it('11: unknown field stimer (strict decoding)', async () => {
    const r = await ove.kubectl(['apply', '-f', join(DIR, '11-vm-test-win-01.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${join(DIR, '11-vm-test-win-01.yaml')}": VirtualMachine in version "v1" cannot be handled as a VirtualMachine: strict decoding error: unknown field "spec.template.spec.domain.features.hyperv.stimer"\n`,
    );
  });

  it('13: a VM without a domain is invalid', async () => {
    const r = await ove.kubectl(['apply', '-f', join(DIR, '13-vm-test-linux-02-clone.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The VirtualMachine "test-linux-02" is invalid: spec.template.spec.domain: Required value\n');
  });

  it('18: unknown kms fields of a new StorageCluster (strict decoding)', async () => {
    // On its own (03 is the same object and is applied in another test), so it is a create.
    await ove.kubectl(['delete', 'storagecluster', '-n', 'openshift-storage', 'ocs-storagecluster', '--ignore-not-found']);
    const file = join(DIR, '18-storagecluster-encryption.yaml');
    const r = await ove.kubectl(['apply', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${file}": StorageCluster in version "v1" cannot be handled as a StorageCluster: strict decoding error: unknown field "spec.encryption.kms.connectionDetails", unknown field "spec.encryption.kms.tokenSecretName"\n`,
    );
  });

  it('26: unknown field workloadEvaluationFrequency (strict decoding)', async () => {
    const file = join(DIR, '26-hyperconverged.yaml');
    const r = await ove.kubectl(['apply', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${file}": HyperConverged in version "v1beta1" cannot be handled as a HyperConverged: strict decoding error: unknown field "spec.workloadEvaluationFrequency"\n`,
    );
  });

  it('with --validate=false the unknown fields are dropped and the object is created', async () => {
    const file = join(DIR, '26-hyperconverged.yaml');
    const r = await ove.kubectl(['apply', '--validate=false', '-f', file]);
    expect(r.stdout).toBe('hyperconverged.hco.kubevirt.io/kubevirt-hyperconverged created\n');
    const got = await ove.kubectl(['get', 'hco', '-n', 'openshift-cnv', 'kubevirt-hyperconverged', '-o', 'jsonpath={.spec.workloadEvaluationFrequency}']);
    expect(got.stdout).toBe('');
    expect(got.code).toBe(0);
  });
});
