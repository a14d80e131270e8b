import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { CAPABILITIES, profileStatus, provisionerKey } from './capabilities.js';
import { resolveClaimProperties } from './resolve.js';

const sc = (provisioner: string, parameters: Record<string, string> = {}): KubeObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, provisioner, parameters });
const rbd = CAPABILITIES['openshift-storage.rbd.csi.ceph.com'];

describe('StorageProfile capabilities', () => {
  it('gives RBD classes RWX Block, RWO Block, RWO Filesystem, and csi-clone', () => {
    expect(profileStatus(sc('openshift-storage.rbd.csi.ceph.com'), {})).toMatchObject({
      provisioner: 'openshift-storage.rbd.csi.ceph.com', cloneStrategy: 'csi-clone',
      claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Block' }, { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' }, { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }],
    });
  });
  it('keys Trident classes by backendType, as CDI does', () => {
    expect(provisionerKey(sc('csi.trident.netapp.io', { backendType: 'ontap-nas' }))).toBe('csi.trident.netapp.io/ontap-nas');
    expect(provisionerKey(sc('csi.trident.netapp.io', { backendType: 'ontap-san-economy' }))).toBe('csi.trident.netapp.io/ontap-san');
    expect(profileStatus(sc('csi.trident.netapp.io', { backendType: 'ontap-nas' }), {})).toMatchObject({ cloneStrategy: 'snapshot', claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }, { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }] });
  });
  it('lets the profile spec override, and unknown provisioners fall back to copy (or snapshot with a class)', () => {
    expect(profileStatus(sc('openshift-storage.rbd.csi.ceph.com'), { cloneStrategy: 'copy' }).cloneStrategy).toBe('copy');
    expect(profileStatus(sc('example.com/csi'), {})).not.toHaveProperty('claimPropertySets');
    expect(profileStatus(sc('example.com/csi'), {}).cloneStrategy).toBe('copy');
    expect(profileStatus(sc('example.com/csi'), {}, 'vsc').cloneStrategy).toBe('snapshot');
  });
});

describe('resolveClaimProperties', () => {
  it('takes the volume mode of the first set that has the requested access modes (the story: RWX on RBD is Block)', () => {
    expect(resolveClaimProperties(['ReadWriteMany'], undefined, rbd)).toEqual({ ok: true, accessModes: ['ReadWriteMany'], volumeMode: 'Block' });
  });
  it('takes both from the first set when neither is given, and keeps what is given', () => {
    expect(resolveClaimProperties(undefined, undefined, rbd)).toEqual({ ok: true, accessModes: ['ReadWriteMany'], volumeMode: 'Block' });
    expect(resolveClaimProperties(undefined, 'Filesystem', rbd)).toEqual({ ok: true, accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' });
    expect(resolveClaimProperties(['ReadWriteOnce'], 'Filesystem', [])).toEqual({ ok: true, accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' });
  });
  it('cannot resolve without access modes and without a profile', () => {
    expect(resolveClaimProperties(undefined, undefined, undefined).ok).toBe(false);
  });
});
