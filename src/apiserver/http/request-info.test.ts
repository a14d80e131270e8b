import { describe, it, expect } from 'vitest';
import { parseRequestPath } from './request-info.js';

describe('parseRequestPath()', () => {
  it.each([
    ['/api', { discovery: 'root-api', isResource: false }],
    ['/apis', { discovery: 'root-apis' }],
    ['/apis/kubevirt.io', { discovery: 'group', group: 'kubevirt.io' }],
    ['/apis/kubevirt.io/v1', { discovery: 'group-version', group: 'kubevirt.io', version: 'v1' }],
    ['/api/v1/pods', { isResource: true, resource: 'pods', namespace: undefined, name: undefined }],
    ['/api/v1/namespaces/default/pods/p1/log', { resource: 'pods', namespace: 'default', name: 'p1', subresource: 'log' }],
    ['/api/v1/namespaces', { resource: 'namespaces', namespace: undefined }],
    ['/api/v1/namespaces/foo', { resource: 'namespaces', namespace: 'foo', name: 'foo' }],
    ['/api/v1/namespaces/foo/finalize', { resource: 'namespaces', name: 'foo', subresource: 'finalize' }],
    ['/api/v1/namespaces/foo/status', { resource: 'namespaces', name: 'foo', subresource: 'status' }],
    ['/apis/kubevirt.io/v1/namespaces/sandbox/virtualmachines/vm1/status', { group: 'kubevirt.io', resource: 'virtualmachines', name: 'vm1', subresource: 'status' }],
    ['/version', { isResource: false, discovery: undefined }],
  ])('%s', (path, want) => {
    const got = parseRequestPath(path) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(want)) expect(got[k], k).toBe(v);
  });
});
