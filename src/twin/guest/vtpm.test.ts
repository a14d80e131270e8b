import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { vtpmFingerprint } from './vtpm.js';

/** A client holding Secrets in a map (get/create only, as vtpm uses). */
function secretsClient(): Client & { store: Map<string, KubeObject> } {
  const store = new Map<string, KubeObject>();
  return {
    store,
    async get(_r: unknown, ns: string, name: string) {
      const s = store.get(`${ns}/${name}`);
      if (!s) throw Object.assign(new Error('not found'), { code: 404 });
      return s;
    },
    async create(_r: unknown, obj: KubeObject) {
      store.set(`${obj.metadata.namespace}/${obj.metadata.name}`, obj);
      return obj;
    },
  } as unknown as Client & { store: Map<string, KubeObject> };
}

const vmi = (uid: string, tpm?: { persistent?: boolean }): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance',
  metadata: { name: 'test-win-01', namespace: 'sandbox', uid, ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'test-win-01', uid: 'vm-uid', controller: true }] },
  spec: { domain: { devices: tpm ? { tpm } : {} } },
});

describe('vtpmFingerprint()', () => {
  it('a persistent vTPM keeps its state in a Secret across VMIs of the same VM', async () => {
    const c = secretsClient();
    const first = await vtpmFingerprint(c, vmi('vmi-1', { persistent: true }));
    const second = await vtpmFingerprint(c, vmi('vmi-2', { persistent: true }));
    expect(first).toBe(second);
    const s = c.store.get('sandbox/persistent-state-for-test-win-01')!;
    expect(s.metadata.labels).toEqual({ 'persistent-state-for': 'test-win-01' });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'VirtualMachine', uid: 'vm-uid' });
  });

  it('tpm: {} is per VMI (KubeVirt default, not persistent); no TPM gives none', async () => {
    const c = secretsClient();
    expect(await vtpmFingerprint(c, vmi('vmi-1', {}))).not.toBe(await vtpmFingerprint(c, vmi('vmi-2', {})));
    expect(c.store.size).toBe(0);
    expect(await vtpmFingerprint(c, vmi('vmi-1'))).toBeUndefined();
  });
});
