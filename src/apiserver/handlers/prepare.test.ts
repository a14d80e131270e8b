import { describe, expect, it } from 'vitest';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import { prepareForUpdate } from './prepare.js';

const res = new ResourceRegistry([
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true, schemaName: 'cm', schema: { type: 'object' }, printerColumns: [] },
]).get('', 'v1', 'configmaps')!;

const stored = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n', uid: 'u1', creationTimestamp: '2026-11-21T14:13:00Z', resourceVersion: '5' }, data: { a: '1' } });

describe('prepareForUpdate', () => {
  it('ignores a changed creationTimestamp (client-node sends milliseconds) and keeps the stored one', () => {
    const next = stored();
    next.metadata.creationTimestamp = '2026-11-21T14:13:00.000Z';
    prepareForUpdate(res, stored(), next);
    expect(next.metadata.creationTimestamp).toBe('2026-11-21T14:13:00Z');
    const moved = stored();
    moved.metadata.creationTimestamp = '2020-01-01T00:00:00Z';
    prepareForUpdate(res, stored(), moved);
    expect(moved.metadata.creationTimestamp).toBe('2026-11-21T14:13:00Z');
  });

  it('refuses a changed uid, and fills a missing one', () => {
    const changed = () => {
      const next = stored();
      next.metadata.uid = 'u2';
      return next;
    };
    expect(() => prepareForUpdate(res, stored(), changed())).toThrow(StatusError);
    expect(() => prepareForUpdate(res, stored(), changed())).toThrow('metadata.uid: Invalid value: "u2": field is immutable');
    const bare = stored();
    delete bare.metadata.uid;
    prepareForUpdate(res, stored(), bare);
    expect(bare.metadata.uid).toBe('u1');
  });
});
