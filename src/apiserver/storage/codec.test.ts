import { describe, it, expect } from 'vitest';
import { decodeToJson, encodeObject, labelsOfJson, decodeObject } from './codec.js';

describe('codec', () => {
  it('stores without resourceVersion and splices it back as the key modRevision', () => {
    const bytes = encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '9' }, data: { k: 'v' } });
    expect(new TextDecoder().decode(bytes)).not.toContain('resourceVersion');
    const json = decodeToJson(bytes, 42);
    expect(JSON.parse(json)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '42' }, data: { k: 'v' } });
    expect(decodeObject(bytes, 42).metadata.resourceVersion).toBe('42');
  });

  it('finds top-level labels only, never a pod template\'s', () => {
    const withTemplate = decodeToJson(encodeObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { metadata: { labels: { app: 'x' } } } } } as never), 3);
    expect(labelsOfJson(withTemplate)).toBeUndefined();
    const labelled = decodeToJson(encodeObject({ spec: {}, metadata: { name: 'd', labels: { tier: 'db', 'app.kubernetes.io/name': 'pg' } }, kind: 'Pod', apiVersion: 'v1' } as never), 4);
    expect(labelsOfJson(labelled)).toEqual({ tier: 'db', 'app.kubernetes.io/name': 'pg' });
  });

  it('handles empty metadata', () => {
    const json = decodeToJson(encodeObject({ apiVersion: 'v1', kind: 'X', metadata: {} }), 1);
    expect(JSON.parse(json).metadata).toEqual({ resourceVersion: '1' });
  });
});
