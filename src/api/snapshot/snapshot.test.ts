import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { snapshotResources, volumeSnapshotDef } from './index.js';

const vs = (source: Record<string, string>): KubeObject => ({ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: 'snap', namespace: 'vms' }, spec: { source } });

describe('volume snapshots', () => {
  it('take printer columns from JSON paths, as CRDs do', () => {
    for (const d of snapshotResources) for (const c of d.printerColumns) expect(c.jsonPath, `${d.kind} ${c.name}`).toMatch(/^\./);
    expect(volumeSnapshotDef.printerColumns.map((c) => c.name)).toEqual(['ReadyToUse', 'SourcePVC', 'SourceSnapshotContent', 'RestoreSize', 'SnapshotClass', 'SnapshotContent', 'CreationTime', 'Age']);
  });
  it('need exactly one source, which is immutable', () => {
    expect(volumeSnapshotDef.validate!(vs({ persistentVolumeClaimName: 'disk' }), { operation: 'CREATE' })).toEqual([]);
    expect(volumeSnapshotDef.validate!(vs({}), { operation: 'CREATE' }).map((c) => c.field)).toEqual(['spec.source']);
    const causes = volumeSnapshotDef.validate!(vs({ persistentVolumeClaimName: 'other' }), { operation: 'UPDATE', old: vs({ persistentVolumeClaimName: 'disk' }) });
    expect(causes.map((c) => c.message)).toEqual(['Forbidden: persistentVolumeClaimName is immutable']);
  });
});
