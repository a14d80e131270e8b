import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { Vm } from './kubevirt-types.js';
import { IgnorableInferenceError, inferFromVolume, type Lookup } from './infer.js';

const L = 'instancetype.kubevirt.io/default-instancetype';
const objs: Record<string, KubeObject> = {
  'pvc/ns/golden': { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'golden', labels: { [L]: 'u1.medium', [`${L}-kind`]: 'VirtualMachineClusterInstancetype' } } },
  'pvc/ns/plain': { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'plain' } },
  'dataSource/os-images/rhel9': { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataSource', metadata: { name: 'rhel9' }, spec: { source: { pvc: { name: 'golden', namespace: 'ns' } } } },
};
const get: Lookup = async (kind, ns, name) => objs[`${kind}/${ns}/${name}`];
const vm = (volumes: Record<string, unknown>[], templates: Record<string, unknown>[] = []): Vm => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'v', namespace: 'ns' },
  spec: { dataVolumeTemplates: templates, template: { spec: { domain: {}, volumes } } },
} as unknown as Vm);

describe('inferFromVolume (pkg/instancetype/infer)', () => {
  it('reads the labels of a PVC, or through a DataVolume template\'s DataSource to its PVC', async () => {
    expect(await inferFromVolume(vm([{ name: 'root', persistentVolumeClaim: { claimName: 'golden' } }]), 'root', 'instancetype', get)).toEqual({ name: 'u1.medium', kind: 'VirtualMachineClusterInstancetype' });
    const viaDs = vm([{ name: 'root', dataVolume: { name: 'root-dv' } }], [{ metadata: { name: 'root-dv' }, spec: { sourceRef: { kind: 'DataSource', name: 'rhel9', namespace: 'os-images' } } }]);
    expect(await inferFromVolume(viaDs, 'root', 'instancetype', get)).toEqual({ name: 'u1.medium', kind: 'VirtualMachineClusterInstancetype' });
  });

  it('fails with KubeVirt\'s messages; a missing label is ignorable, a missing volume is not', async () => {
    const plain = inferFromVolume(vm([{ name: 'root', persistentVolumeClaim: { claimName: 'plain' } }]), 'root', 'instancetype', get);
    await expect(plain).rejects.toThrow(IgnorableInferenceError);
    await expect(plain).rejects.toThrow(`unable to find required ${L} label on the volume`);
    const none = inferFromVolume(vm([]), 'root', 'preference', get);
    await expect(none).rejects.toThrow('unable to find volume root to infer defaults');
    await expect(none).rejects.not.toThrow(IgnorableInferenceError);
    await expect(inferFromVolume(vm([{ name: 'root', containerDisk: { image: 'x' } }]), 'root', 'preference', get)).rejects.toThrow('unable to infer defaults from volume root as type is not supported');
  });
});
