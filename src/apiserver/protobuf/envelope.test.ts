import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeProtobufObject, encodeProtobufObject, MAGIC, supportsProtobuf } from './envelope.js';
import { messageType } from './schema.js';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

// Request bodies captured from kubectl v1.32 by fixtures/capture.ts.
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}.bin`, import.meta.url)));

describe('decodeProtobufObject() on bodies kubectl sent', () => {
  it.each<[string, unknown]>([
    ['namespace-foo', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' }, spec: {}, status: {} }],
    ['configmap-cm1', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm1', namespace: 'default' }, data: { a: 'b' }, binaryData: { bin: Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f]).toString('base64') } }],
    ['secret-s1', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1', namespace: 'default' }, data: { password: Buffer.from('hunter2').toString('base64') } }],
    ['serviceaccount-sa1', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa1', namespace: 'default' } }],
    ['ssar-list-pods', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } }, status: { allowed: false } }],
    ['ssar-pods-log', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: { namespace: 'ns1', verb: 'get', resource: 'pods', subresource: 'log' } }, status: { allowed: false } }],
    ['ssar-healthz', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } }, status: { allowed: false } }],
    ['ssrr-default', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'default' }, status: { resourceRules: [], nonResourceRules: [], incomplete: false } }],
    ['role-r1', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r1', namespace: 'default' }, rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'], resourceNames: ['p1'] }] }],
    ['clusterrole-cr1', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr1' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*'] }] }],
    ['clusterrole-agg', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'agg' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { team: 'vms', tier: 'gold' } }] } }],
    ['rolebinding-rb1', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb1', namespace: 'default' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }, { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'dev' }, { kind: 'ServiceAccount', name: 'sa1', namespace: 'default' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } }],
    ['clusterrolebinding-crb1', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'crb1' }, subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }], roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } }],
    ['tokenrequest-bot', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {},
      spec: { audiences: ['aud1'], boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'sx', uid: 'u-1' }, expirationSeconds: 600 }, status: {} }],
    ['selfsubjectreview', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {}, status: { userInfo: {} } }],
  ])('%s', (name, expected) => {
    expect(decodeProtobufObject(fixture(name))).toEqual(expected);
  });
});

describe('encodeProtobufObject()', () => {
  it('round-trips a namespace with every metadata field', () => {
    const ns: KubeObject = {
      apiVersion: 'v1', kind: 'Namespace',
      metadata: {
        name: 'vms', uid: '6f1c0c7e-1b1e-4d8a-9a53-0c5e1f1d2a3b', resourceVersion: '42', generation: 3,
        creationTimestamp: '2026-11-21T13:00:05Z', deletionTimestamp: '2026-11-21T14:00:00Z', deletionGracePeriodSeconds: 30,
        labels: { 'kubernetes.io/metadata.name': 'vms' }, annotations: { note: 'x' }, finalizers: ['kubernetes'],
        ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u1', controller: true, blockOwnerDeletion: true }],
        managedFields: [{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: '2026-11-21T13:00:05Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {} } } } }],
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Terminating', conditions: [{ type: 'NamespaceDeletionContentFailure', status: 'False', lastTransitionTime: '2026-11-21T14:00:01Z', reason: 'ContentDeleted', message: 'All content successfully deleted' }] },
    };
    expect(decodeProtobufObject(encodeProtobufObject(ns))).toEqual(ns);
  });
  it('round-trips secrets as bytes and review statuses with their zero-valued required fields', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', immutable: true, data: { 'tls.key': Buffer.from([1, 2, 3, 250]).toString('base64') } };
    expect(decodeProtobufObject(encodeProtobufObject(secret))).toEqual(secret);
    const sar: KubeObject = { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user: 'alice', groups: ['dev'], uid: 'u', extra: { scopes: { items: ['a'] } }, resourceAttributes: { verb: 'get', resource: 'pods', fieldSelector: { requirements: [{ key: 'spec.nodeName', operator: 'In', values: ['n1'] }] } } }, status: { allowed: false, denied: true, reason: 'no' } };
    expect(decodeProtobufObject(encodeProtobufObject(sar))).toEqual(sar);
  });
  it('writes the magic and a runtime.Unknown naming the kind', () => {
    const bytes = encodeProtobufObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } });
    expect([...bytes.subarray(0, 4)]).toEqual([...MAGIC]);
    const unknown = messageType('Unknown').decode(bytes.subarray(4)) as unknown as { typeMeta: { apiVersion: string; kind: string }; raw: Uint8Array };
    expect(unknown.typeMeta).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(messageType('ConfigMap').decode(unknown.raw).toJSON()).toEqual({ metadata: { name: 'c' }, data: { k: 'v' } });
  });
  it('refuses kinds it has no schema for with 406', () => {
    expect(() => encodeProtobufObject({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: {} })).toThrow(expect.objectContaining({ code: 406 }));
  });
});

describe('decodeProtobufObject() errors', () => {
  const statusOf = (fn: () => unknown) => {
    try { fn(); } catch (e) { return (e as StatusError).toStatus(); }
    throw new Error('did not throw');
  };
  it('rejects bodies that are not the envelope, as the serializer words it', () => {
    expect(statusOf(() => decodeProtobufObject(Buffer.from('{"kind":"Namespace"}')))).toMatchObject({ code: 400, reason: 'BadRequest', message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]' });
    expect(statusOf(() => decodeProtobufObject(new Uint8Array()))).toMatchObject({ code: 400, message: 'empty data' });
    expect(statusOf(() => decodeProtobufObject(MAGIC))).toMatchObject({ code: 400, message: 'empty body' });
    expect(statusOf(() => decodeProtobufObject(Uint8Array.of(...MAGIC, 0x0a, 0x7f, 0x01)))).toMatchObject({ code: 400 });
  });
  it('answers 415 for kinds ove cannot decode', () => {
    const vm = fixture('namespace-foo');
    const unknown = messageType('Unknown');
    const decoded = unknown.decode(vm.subarray(4)) as unknown as { raw: Uint8Array };
    const body = unknown.encode(unknown.fromObject({ typeMeta: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' }, raw: decoded.raw })).finish();
    expect(statusOf(() => decodeProtobufObject(Uint8Array.of(...MAGIC, ...body)))).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 415, reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    });
    expect(supportsProtobuf('kubevirt.io/v1', 'VirtualMachine')).toBe(false);
    expect(supportsProtobuf('v1', 'Namespace')).toBe(true);
  });
  it('takes a missing apiVersion and kind from the endpoint, and needs them from somewhere', () => {
    const unknown = messageType('Unknown');
    const raw = messageType('ConfigMap').encode(messageType('ConfigMap').fromObject({ metadata: { name: 'c' } })).finish();
    const bare = Uint8Array.of(...MAGIC, ...unknown.encode(unknown.fromObject({ raw })).finish());
    expect(decodeProtobufObject(bare, { apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(statusOf(() => decodeProtobufObject(bare)).message).toMatch(/^Object 'Kind' is missing in/);
  });
});
