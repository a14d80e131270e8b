import { describe, it, expect } from 'vitest';
import { requestInfo, requestAttributes } from './attributes.js';

type Row = [method: string, url: string, verb: string, group: string, version: string, namespace: string, resource: string, subresource: string, name: string];

// Expected values follow requestinfo_test.go's cases and the grammar in requestinfo.go.
const resourceRows: Row[] = [
  ['GET', '/api/v1/namespaces', 'list', '', 'v1', '', 'namespaces', '', ''],
  ['GET', '/api/v1/namespaces/other', 'get', '', 'v1', 'other', 'namespaces', '', 'other'],
  ['GET', '/api/v1/namespaces/other/status', 'get', '', 'v1', 'other', 'namespaces', 'status', 'other'],
  ['PUT', '/api/v1/namespaces/other/finalize', 'update', '', 'v1', 'other', 'namespaces', 'finalize', 'other'],
  ['DELETE', '/api/v1/namespaces/other', 'delete', '', 'v1', 'other', 'namespaces', '', 'other'],
  ['GET', '/api/v1/pods', 'list', '', 'v1', '', 'pods', '', ''],
  ['GET', '/api/v1/namespaces/default/pods', 'list', '', 'v1', 'default', 'pods', '', ''],
  ['GET', '/api/v1/namespaces/default/pods/p1', 'get', '', 'v1', 'default', 'pods', '', 'p1'],
  ['HEAD', '/api/v1/namespaces/default/pods/p1', 'get', '', 'v1', 'default', 'pods', '', 'p1'],
  ['GET', '/api/v1/namespaces/default/pods/p1/log', 'get', '', 'v1', 'default', 'pods', 'log', 'p1'],
  ['POST', '/api/v1/namespaces/default/pods/p1/eviction', 'create', '', 'v1', 'default', 'pods', 'eviction', 'p1'],
  ['GET', '/api/v1/namespaces/default/pods/p1/exec', 'get', '', 'v1', 'default', 'pods', 'exec', 'p1'],
  ['POST', '/api/v1/namespaces/default/pods', 'create', '', 'v1', 'default', 'pods', '', ''],
  ['PUT', '/api/v1/namespaces/default/pods/p1', 'update', '', 'v1', 'default', 'pods', '', 'p1'],
  ['PATCH', '/api/v1/namespaces/default/pods/p1', 'patch', '', 'v1', 'default', 'pods', '', 'p1'],
  ['DELETE', '/api/v1/namespaces/default/pods/p1', 'delete', '', 'v1', 'default', 'pods', '', 'p1'],
  ['DELETE', '/api/v1/namespaces/default/pods', 'deletecollection', '', 'v1', 'default', 'pods', '', ''],
  ['GET', '/api/v1/watch/pods', 'watch', '', 'v1', '', 'pods', '', ''],
  ['GET', '/api/v1/watch/namespaces/default/pods', 'watch', '', 'v1', 'default', 'pods', '', ''],
  ['GET', '/api/v1/watch/namespaces/default/pods/p1', 'watch', '', 'v1', 'default', 'pods', '', 'p1'],
  ['GET', '/api/v1/proxy/namespaces/default/pods/p1/a/b', 'proxy', '', 'v1', 'default', 'pods', '', 'p1'],
  ['GET', '/api/v1/namespaces/default/services/s1:80/proxy/x', 'get', '', 'v1', 'default', 'services', 'proxy', 's1:80'],
  ['GET', '/api/v1/nodes/n1/status', 'get', '', 'v1', '', 'nodes', 'status', 'n1'],
  ['GET', '/apis/apps/v1/namespaces/default/deployments', 'list', 'apps', 'v1', 'default', 'deployments', '', ''],
  ['PUT', '/apis/apps/v1/namespaces/default/deployments/d/scale', 'update', 'apps', 'v1', 'default', 'deployments', 'scale', 'd'],
  ['GET', '/apis/kubevirt.io/v1/virtualmachines', 'list', 'kubevirt.io', 'v1', '', 'virtualmachines', '', ''],
  ['PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web-01/start', 'update', 'subresources.kubevirt.io', 'v1', 'vms', 'virtualmachines', 'start', 'web-01'],
  ['PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachineinstances/web-01/vnc', 'update', 'subresources.kubevirt.io', 'v1', 'vms', 'virtualmachineinstances', 'vnc', 'web-01'],
  ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/admin', 'get', 'rbac.authorization.k8s.io', 'v1', '', 'clusterroles', '', 'admin'],
  ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', 'create', 'authorization.k8s.io', 'v1', '', 'selfsubjectaccessreviews', '', ''],
  ['OPTIONS', '/api/v1/pods', '', '', 'v1', '', 'pods', '', ''],
  ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Abasic-user', 'get', 'rbac.authorization.k8s.io', 'v1', '', 'clusterroles', '', 'system:basic-user'],
];

describe('requestInfo() on resource paths', () => {
  it.each(resourceRows)('%s %s', (method, url, verb, group, version, namespace, resource, subresource, name) => {
    const u = new URL(url, 'http://x');
    const info = requestInfo(method, u.pathname, u.searchParams);
    expect(info).toMatchObject({ verb, apiGroup: group, apiVersion: version, namespace, resource, subresource, name, resourceRequest: true });
  });
});

describe('requestInfo() query handling', () => {
  const verbOf = (url: string) => {
    const u = new URL(url, 'http://x');
    return requestInfo('GET', u.pathname, u.searchParams);
  };
  it('turns a collection GET with watch=true into watch', () => {
    expect(verbOf('/api/v1/namespaces/default/pods?watch=true').verb).toBe('watch');
    expect(verbOf('/api/v1/pods?watch=1').verb).toBe('watch');
    expect(verbOf('/api/v1/pods?watch=false').verb).toBe('list');
    expect(verbOf('/api/v1/pods?watch=0').verb).toBe('list');
    expect(verbOf('/api/v1/pods?watch=yes').verb).toBe('watch');
  });
  it('takes the name from an exact metadata.name field selector', () => {
    const info = verbOf('/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dp1&watch=true');
    expect(info).toMatchObject({ verb: 'watch', name: 'p1' });
    expect(verbOf('/api/v1/pods?fieldSelector=metadata.name%3D%3Dp2').name).toBe('p2');
    expect(verbOf('/api/v1/pods?fieldSelector=metadata.name!%3Dp2').name).toBe('');
    expect(verbOf('/api/v1/pods?fieldSelector=status.phase%3DRunning').name).toBe('');
  });
  it('ignores a watch query on a named GET', () => {
    expect(verbOf('/api/v1/namespaces/default/pods/p1?watch=true').verb).toBe('get');
  });
});

describe('requestInfo() on non-resource paths', () => {
  it.each([
    ['GET', '/healthz', 'get'], ['GET', '/version', 'get'], ['GET', '/openapi/v3', 'get'], ['GET', '/apis', 'get'],
    ['GET', '/api', 'get'], ['GET', '/api/v1', 'get'], ['GET', '/apis/apps', 'get'], ['GET', '/apis/apps/v1', 'get'],
    ['POST', '/logs', 'post'], ['GET', '/', 'get'], ['GET', '/other/a/b/c', 'get'],
  ])('%s %s', (method, path, verb) => {
    expect(requestInfo(method, path)).toMatchObject({ verb, resourceRequest: false, path, resource: '', namespace: '' });
  });
  it('refuses a special verb with nothing after it', () => {
    expect(() => requestInfo('GET', '/api/v1/watch')).toThrow(/unable to determine kind and namespace/);
  });
});

describe('requestAttributes()', () => {
  it('attaches the user and drops parser internals', () => {
    const user = { name: 'alice', groups: ['system:authenticated'] };
    const a = requestAttributes(user, 'GET', '/api/v1/namespaces/default/pods/p/log');
    expect(a).toEqual({ user, verb: 'get', apiGroup: '', apiVersion: 'v1', resource: 'pods', subresource: 'log', namespace: 'default', name: 'p', path: '/api/v1/namespaces/default/pods/p/log', resourceRequest: true });
  });
});
