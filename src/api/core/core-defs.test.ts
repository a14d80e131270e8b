import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { namespaceDef } from './namespace.js';
import { serviceDef } from './service.js';
import { secretDef } from './secret.js';
import { configMapDef } from './configmap.js';
import { persistentVolumeClaimDef } from './persistent-volume-claim.js';
import { persistentVolumeDef } from './persistent-volume.js';
import { resourceQuotaDef } from './resource-quota.js';
import { formatEndpoints } from './endpoints.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const obj = (kind: string, rest: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z', ...meta }, ...rest });
const msgs = (causes: { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe('namespaces', () => {
  it('get the metadata.name label, the kubernetes finalizer and phase Active', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vms', labels: { team: 'a' } } };
    namespaceDef.defaults!(ns, { operation: 'CREATE' });
    expect(ns.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'vms' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });
  it('must be DNS-1123 labels', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } };
    expect(msgs(namespaceDef.validate!(ns, { operation: 'CREATE' }))[0]).toMatch(/^metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist/);
  });
});

describe('services', () => {
  it('default type, affinity, protocol and targetPort', () => {
    const svc = obj('Service', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    serviceDef.defaults!(svc, { operation: 'CREATE' });
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
  });
  it('print LoadBalancer addresses, node ports and the selector', () => {
    const svc = obj('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.10'], selector: { app: 'web', tier: 'fe' }, ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } } });
    expect(serviceDef.cells!(svc, now)).toEqual(['LoadBalancer', '10.96.0.10', '192.0.2.10', '443:30443/TCP', '60m', 'app=web,tier=fe']);
    const pending = obj('Service', { spec: { type: 'LoadBalancer', ports: [] } });
    expect(serviceDef.cells!(pending, now).slice(1, 4)).toEqual(['<none>', '<pending>', '<none>']);
  });
  it('require ports and names for multi-port services', () => {
    expect(msgs(serviceDef.validate!(obj('Service', { spec: { ports: [] } }), { operation: 'CREATE' }))).toEqual(['spec.ports: Required value']);
    expect(msgs(serviceDef.validate!(obj('Service', { spec: { ports: [{ port: 80 }, { port: 443, name: 'https' }] } }), { operation: 'CREATE' }))).toEqual(['spec.ports[0].name: Required value']);
  });
});

describe('secrets and config maps', () => {
  it('default the type to Opaque and fold stringData into data', () => {
    const s = obj('Secret', { data: { a: 'eA==' }, stringData: { b: 'hello' } });
    secretDef.defaults!(s, { operation: 'CREATE' });
    expect(s).toMatchObject({ type: 'Opaque', data: { a: 'eA==', b: 'aGVsbG8=' } });
    expect(s.stringData).toBeUndefined();
    expect(secretDef.cells!(s, now)).toEqual(['Opaque', 2, '60m']);
  });
  it('refuse non-base64 data, bad keys and missing TLS keys', () => {
    const s = obj('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'not base64!', 'bad/key': 'eA==' } });
    expect(msgs(secretDef.validate!(s, { operation: 'CREATE' }))).toEqual([
      expect.stringMatching(/^data\[bad\/key\]: Invalid value: "bad\/key": a valid config key must consist of alphanumeric characters/),
      expect.stringMatching(/^data\[tls.crt\]: Invalid value: .*illegal base64 data$/),
      'data[tls.key]: Required value',
    ]);
  });
  it('refuse a type change', () => {
    const old = obj('Secret', { type: 'Opaque' });
    expect(msgs(secretDef.validate!(obj('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }), { operation: 'UPDATE', old }))).toEqual(['type: Invalid value: "kubernetes.io/tls": field is immutable']);
  });
  it('count config map data and binaryData keys', () => {
    expect(configMapDef.cells!(obj('ConfigMap', { data: { a: '1' }, binaryData: { b: 'AA==' } }), now)).toEqual([2, '60m']);
  });
});

describe('volumes', () => {
  it('PVCs need access modes and a storage request', () => {
    expect(msgs(persistentVolumeClaimDef.validate!(obj('PersistentVolumeClaim', { spec: {} }), { operation: 'CREATE' }))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value',
    ]);
  });
  it('print a bound PVC and a pending one', () => {
    const bound = obj('PersistentVolumeClaim', { spec: { volumeName: 'pv-1', storageClassName: 'ceph-rbd', volumeMode: 'Block', resources: { requests: { storage: '10Gi' } } }, status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] } });
    expect(persistentVolumeClaimDef.cells!(bound, now)).toEqual(['Bound', 'pv-1', '10Gi', 'RWO,RWX', 'ceph-rbd', '<unset>', '60m', 'Block']);
    const pending = obj('PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } }, { deletionTimestamp: '2026-01-01T11:59:00Z' });
    expect(persistentVolumeClaimDef.cells!(pending, now)).toEqual(['Terminating', '', '', '', '', '<unset>', '60m', '<unset>']);
  });
  it('print a PV with its claim', () => {
    const pv = obj('PersistentVolume', { spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'vms', name: 'disk' }, storageClassName: 'sc', volumeMode: 'Filesystem' }, status: { phase: 'Bound' } });
    expect(persistentVolumeDef.cells!(pv, now)).toEqual(['5Gi', 'RWO', 'Delete', 'Bound', 'vms/disk', 'sc', '<unset>', '', '60m', 'Filesystem']);
  });
});

describe('quotas and endpoints', () => {
  it('split quota usage into request and limit cells', () => {
    const q = obj('ResourceQuota', { status: { hard: { 'requests.cpu': '4', 'limits.cpu': '8', pods: '10' }, used: { 'requests.cpu': '1', pods: '3' } } });
    expect(resourceQuotaDef.cells!(q, now)).toEqual(['60m', 'pods: 3/10, requests.cpu: 1/4', 'limits.cpu: 0/8']);
  });
  it('show at most three endpoints', () => {
    const ep = obj('Endpoints', { subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: 'fd00::3' }, { ip: '10.0.0.4' }], ports: [{ port: 8080 }] }] });
    expect(formatEndpoints(ep)).toBe('10.0.0.1:8080,10.0.0.2:8080,[fd00::3]:8080 + 1 more...');
    expect(formatEndpoints(obj('Endpoints', {}))).toBe('<none>');
  });
});

describe('updates', () => {
  it('keep namespace finalizers from the stored object', () => {
    const old: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vms' }, spec: { finalizers: ['kubernetes'] } };
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vms' }, spec: {} };
    namespaceDef.defaults!(ns, { operation: 'UPDATE', old });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
  });
  it('let a PVC be bound and resized but not otherwise changed', () => {
    const spec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
    const old = obj('PersistentVolumeClaim', { spec });
    const bound = obj('PersistentVolumeClaim', { spec: { ...spec, volumeName: 'pv-1', storageClassName: 'sc', resources: { requests: { storage: '2Gi' } } } });
    expect(persistentVolumeClaimDef.validate!(bound, { operation: 'UPDATE', old })).toEqual([]);
    const changed = obj('PersistentVolumeClaim', { spec: { ...spec, accessModes: ['ReadWriteMany'] } });
    expect(msgs(persistentVolumeClaimDef.validate!(changed, { operation: 'UPDATE', old }))).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
  });
});
