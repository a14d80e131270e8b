import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { applyPatches, remapSpec, restoreClaimName, restoredAnnotations, targetReadiness } from './plan.js';

const restore = { apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineRestore', metadata: { name: 'r', uid: 'abc' } } as KubeObject;

describe('restore plan', () => {
  it('names restored claims per volumeRestorePolicy', () => {
    expect(restoreClaimName(undefined, restore, 'rootdisk', 'vm-root', 'vm')).toBe('restore-abc-rootdisk');
    expect(restoreClaimName('InPlace', restore, 'rootdisk', 'vm-root', 'vm')).toBe('vm-root');
    expect(restoreClaimName('PrefixTargetName', restore, 'rootdisk', 'vm-root', 'vm')).toBe('vm-rootdisk');
  });
  it('decides on a running target per targetReadinessPolicy (default WaitGracePeriod, 5 min)', () => {
    expect(targetReadiness(false, 'FailImmediate', 0)).toBe('ready');
    expect(targetReadiness(true, undefined, 10)).toBe('wait');
    expect(targetReadiness(true, undefined, 300)).toBe('fail');
    expect(targetReadiness(true, 'StopTarget', 0)).toBe('stop');
    expect(targetReadiness(true, 'FailImmediate', 0)).toBe('fail');
    expect(targetReadiness(true, 'WaitEventually', 1e6)).toBe('wait');
  });
  it('points volumes and DataVolume templates at the restored names', () => {
    const spec = { dataVolumeTemplates: [{ metadata: { name: 'root' } }], template: { spec: { volumes: [{ name: 'rootdisk', dataVolume: { name: 'root' } }, { name: 'data', persistentVolumeClaim: { claimName: 'd' } }, { name: 'ci', cloudInitNoCloud: {} }] } } };
    const out = remapSpec(spec, new Map([['root', 'restore-abc-rootdisk'], ['d', 'restore-abc-data']]));
    expect(out.dataVolumeTemplates[0].metadata.name).toBe('restore-abc-rootdisk');
    expect(out.template.spec.volumes.map((v: Record<string, any>) => v.dataVolume?.name ?? v.persistentVolumeClaim?.claimName ?? v.name)).toEqual(['restore-abc-rootdisk', 'restore-abc-data', 'ci']);
    expect(spec.dataVolumeTemplates[0].metadata.name).toBe('root');
  });
  it('applies JSON patches (add, replace, remove)', () => {
    const vm = { metadata: { name: 'a', labels: { x: '1' } }, spec: { ifaces: [{ mac: 'm' }] } };
    const out = applyPatches(vm, [JSON.stringify({ op: 'replace', path: '/metadata/name', value: 'b' }), JSON.stringify([{ op: 'remove', path: '/spec/ifaces/0/mac' }, { op: 'add', path: '/metadata/labels/y', value: '2' }])]);
    expect(out).toEqual({ metadata: { name: 'b', labels: { x: '1', y: '2' } }, spec: { ifaces: [{}] } });
    expect(() => applyPatches(vm, [JSON.stringify({ op: 'add', path: '/nope/x', value: 1 })])).toThrow(/does not exist/);
  });
  it('drops binding and CDI annotations from restored claims', () => {
    expect(restoredAnnotations({ 'pv.kubernetes.io/bind-completed': 'yes', 'cdi.kubevirt.io/storage.pod.phase': 'Succeeded', team: 'a' })).toEqual({ team: 'a' });
  });
});
