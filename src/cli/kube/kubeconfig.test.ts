import { describe, it, expect, beforeEach } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { findKubeconfig, loadClusterAccess } from './kubeconfig.js';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function config(server: string, ns?: string) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'ove', cluster: { server, 'certificate-authority-data': Buffer.from(CA).toString('base64') } },
      { name: 'other', cluster: { server: 'https://other:6443', 'insecure-skip-tls-verify': true } },
    ],
    users: [
      { name: 'admin', user: { token: 'secret-token' } },
      { name: 'filer', user: { tokenFile: 'token.txt' } },
    ],
    contexts: [
      { name: 'admin@ove', context: { cluster: 'ove', user: 'admin', namespace: ns } },
      { name: 'other', context: { cluster: 'other', user: 'filer' } },
    ],
    'current-context': 'admin@ove',
  });
}

describe('kubeconfig loading', () => {
  let dir: string;
  let home: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ove-kc-'));
    home = join(dir, 'home');
    mkdirSync(home);
  });

  it('findKubeconfig() prefers --kubeconfig, then $KUBECONFIG, then ./.ove/kubeconfig, then ~/.kube/config', () => {
    const flag = join(dir, 'flag.yaml');
    const env = join(dir, 'env.yaml');
    writeFileSync(flag, config('https://a:1'));
    writeFileSync(env, config('https://b:1'));
    mkdirSync(join(dir, '.ove'));
    writeFileSync(join(dir, '.ove', 'kubeconfig'), config('https://c:1'));
    mkdirSync(join(home, '.kube'));
    writeFileSync(join(home, '.kube', 'config'), config('https://d:1'));
    expect(findKubeconfig({ kubeconfig: flag }, { KUBECONFIG: env }, dir, home)).toBe(flag);
    expect(findKubeconfig({}, { KUBECONFIG: `${join(dir, 'missing')}:${env}` }, dir, home)).toBe(env);
    expect(findKubeconfig({}, {}, dir, home)).toBe(join(dir, '.ove', 'kubeconfig'));
    expect(findKubeconfig({}, {}, home, home)).toBe(join(home, '.kube', 'config'));
  });

  it('findKubeconfig() tells the user to set KUBECONFIG or run ove up', () => {
    expect(() => findKubeconfig({}, {}, dir, home)).toThrow('ove: no kubeconfig found: set KUBECONFIG or run "ove up"');
  });

  it('loadClusterAccess() resolves the current context: server, CA, token, namespace', () => {
    const p = join(dir, 'kc');
    writeFileSync(p, config('https://127.0.0.1:6443/', 'sandbox'));
    const a = loadClusterAccess({ kubeconfig: p }, {}, dir, home);
    expect(a).toMatchObject({ context: 'admin@ove', server: 'https://127.0.0.1:6443', ca: CA, token: 'secret-token', namespace: 'sandbox', explicitNamespace: false, insecureSkipTlsVerify: false });
    expect(loadClusterAccess({ kubeconfig: p, namespace: 'prod' }, {}, dir, home)).toMatchObject({ namespace: 'prod', explicitNamespace: true });
  });

  it('loadClusterAccess() honours --context, tokenFile relative to the file, and defaults the namespace', () => {
    const p = join(dir, 'kc');
    writeFileSync(p, config('https://x:1'));
    writeFileSync(join(dir, 'token.txt'), 'from-file\n');
    expect(loadClusterAccess({ kubeconfig: p, context: 'other' }, {}, dir, home)).toMatchObject({ server: 'https://other:6443', token: 'from-file', insecureSkipTlsVerify: true, namespace: 'default' });
    expect(() => loadClusterAccess({ kubeconfig: p, context: 'nope' }, {}, dir, home)).toThrow('error: context "nope" does not exist');
  });
});
