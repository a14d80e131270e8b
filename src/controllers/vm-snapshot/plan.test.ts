import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { claimVolumes, contentNameFor, indications, snapshotPhase, volumeSnapshotNameFor } from './plan.js';

const vmi = (phase: string, agent?: string): KubeObject => ({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'v' }, status: { phase, conditions: agent ? [{ type: 'AgentConnected', status: agent }] : [] } });

describe('snapshot plan', () => {
  it('indicates Online with GuestAgent or NoGuestAgent for a running VMI, nothing for a stopped VM', () => {
    expect(indications(vmi('Running', 'True')).indications).toEqual(['Online', 'GuestAgent']);
    expect(indications(vmi('Running', 'False')).indications).toEqual(['Online', 'NoGuestAgent']);
    expect(indications(vmi('Running')).indications).toEqual(['Online', 'NoGuestAgent']);
    expect(indications(undefined).indications).toEqual([]);
    expect(indications(vmi('Succeeded', 'True')).indications).toEqual([]);
  });
  it('snapshots claim-backed volumes and excludes the others', () => {
    const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'v' }, spec: { template: { spec: { volumes: [{ name: 'root', dataVolume: { name: 'v-root' } }, { name: 'data', persistentVolumeClaim: { claimName: 'd' } }, { name: 'ci', cloudInitNoCloud: {} }] } } } };
    expect(claimVolumes(vm)).toEqual({ included: [{ volumeName: 'root', claimName: 'v-root', dataVolume: true }, { volumeName: 'data', claimName: 'd', dataVolume: false }], excluded: ['ci'] });
  });
  it('names its content and volume snapshots after its uid, and succeeds when all are ready', () => {
    const s = { apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineSnapshot', metadata: { name: 's', uid: 'u' } };
    expect(contentNameFor(s)).toBe('vmsnapshot-content-u');
    expect(volumeSnapshotNameFor(s, 'root')).toBe('vmsnapshot-u-volume-root');
    expect(snapshotPhase([true, false], true)).toBe('InProgress');
    expect(snapshotPhase([true, true], true)).toBe('Succeeded');
  });
});
