/**
 * Real kubectl 1.32 against a throwaway HTTP server that answers the authorization reviews
 * with this module (and decodes kubectl's protobuf bodies with ../protobuf): checks that kubectl
 * reads our SelfSubjectAccessReview and SelfSubjectRulesReview answers as kube's.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newAuthorizer, defaultPolicy, staticRbacSource, selfSubjectAccessReview, selfSubjectRulesReview, type UserInfo } from './index.js';
import { decodeProtobufObject } from '../protobuf/index.js';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

const hasKubectl = (() => {
  try { execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

const res = (name: string, kind: string, namespaced: boolean) => ({ name, singularName: '', namespaced, kind, verbs: ['create', 'get', 'list'] });
const DISCOVERY: Record<string, unknown> = {
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.5' },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: ['authorization.k8s.io', 'kubevirt.io'].map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })) },
  '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: [res('namespaces', 'Namespace', false), res('pods', 'Pod', true), res('nodes', 'Node', false)] },
  '/apis/authorization.k8s.io/v1': { kind: 'APIResourceList', groupVersion: 'authorization.k8s.io/v1', resources: [res('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false), res('selfsubjectrulesreviews', 'SelfSubjectRulesReview', false)] },
  '/apis/kubevirt.io/v1': { kind: 'APIResourceList', groupVersion: 'kubevirt.io/v1', resources: [res('virtualmachines', 'VirtualMachine', true)] },
};

const policy = defaultPolicy();
const { authorizer, ruleResolver } = newAuthorizer(staticRbacSource({
  ...policy,
  roleBindings: [{ metadata: { namespace: 'vms', name: 'alice-edit' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'User', name: 'alice' }] }],
}));
// kubectl sends no bearer token to a plain-http server, so every request here is alice's.
const USERS: Record<string, UserInfo> = { '': { name: 'alice', groups: ['system:authenticated'] } };

let server: Server;
let dir: string;
const created: KubeObject[] = [];

function handle(method: string, path: string, token: string, body: Buffer, contentType: string): [number, unknown] {
  if (method === 'GET' && path in DISCOVERY) return [200, DISCOVERY[path]];
  const user = USERS[token];
  if (!user || method !== 'POST') return [404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }];
  const obj = contentType.startsWith('application/vnd.kubernetes.protobuf') ? decodeProtobufObject(body) : JSON.parse(body.toString()) as KubeObject;
  if (path.endsWith('/selfsubjectaccessreviews')) return [201, selfSubjectAccessReview(authorizer, user, obj)];
  if (path.endsWith('/selfsubjectrulesreviews')) return [201, selfSubjectRulesReview(ruleResolver, user, obj)];
  created.push(obj);
  return [201, { ...obj, metadata: { ...obj.metadata, uid: 'u1' } }];
}

function kubectl(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', [...args, `--kubeconfig=${join(dir, 'config')}`, `--cache-dir=${join(dir, 'cache')}`], (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe.skipIf(!hasKubectl)('kubectl against the authorization reviews', () => {
  beforeAll(async () => {
    server = createServer((req, resp) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let code: number;
        let payload: unknown;
        try {
          [code, payload] = handle(req.method ?? 'GET', (req.url ?? '/').split('?')[0], (req.headers.authorization ?? '').replace(/^Bearer /, ''), Buffer.concat(chunks), req.headers['content-type'] ?? '');
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          [code, payload] = [e.code, e.toStatus()];
        }
        resp.writeHead(code, { 'Content-Type': 'application/json' });
        resp.end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    dir = mkdtempSync(join(tmpdir(), 'ove-authz-kubectl-'));
    writeFileSync(join(dir, 'config'), `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "http://127.0.0.1:${port}"}\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n`);
  });
  afterAll(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('auth can-i answers yes and no from RBAC', async () => {
    expect(await kubectl('auth', 'can-i', 'update', 'virtualmachines/start', '-n', 'vms')).toMatchObject({ code: 0, out: 'yes\n' });
    expect((await kubectl('auth', 'can-i', 'create', 'rolebindings.rbac.authorization.k8s.io', '-n', 'vms')).code).toBe(1);
    expect(await kubectl('auth', 'can-i', 'delete', 'nodes')).toMatchObject({ code: 1, out: expect.stringMatching(/^no\n/) });
  });
  it('auth can-i --list prints the rules table', async () => {
    const { code, out } = await kubectl('auth', 'can-i', '--list', '-n', 'vms');
    expect(code).toBe(0);
    expect(out).toMatch(/virtualmachines\.kubevirt\.io\s+\[\]\s+\[\]\s+\[get delete create update patch list watch\]/);
    expect(out).toMatch(/\[\/healthz\]\s+\[\]\s+\[get\]/);
  });
  it('create namespace reaches the server as a decoded protobuf object', async () => {
    const { code } = await kubectl('create', 'namespace', 'foo');
    expect(code).toBe(0);
    expect(created.at(-1)).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' }, spec: {}, status: {} });
  });
});
