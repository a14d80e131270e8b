/**
 * Crash safety of the whole server: 32 concurrent HTTPS writers create and update ConfigMaps
 * through `ove up`, the server is killed with SIGKILL mid-run and started again on the same
 * data dir; every write it acknowledged (answered 2xx) must be there with its resourceVersion.
 * On sqlite and on etcd. Then bad input over raw HTTPS: each gets its Status, the server stays
 * up and nothing stored changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEtcd, type EtcdServer } from '../support/etcd-server.js';
import { HttpsApi } from '../support/https-api.js';
import { freePort, startOve, type OveProcess } from '../support/ove-process.js';

const WRITERS = 32;
const KILL_AFTER_ACKS = 600;
const NS = 'crash';

/** What one writer attempted and what the server acknowledged, per ConfigMap. */
interface Tracked {
  createdRv?: string;
  updateAttempted: boolean;
  updatedRv?: string;
}

/** Runs the writers until `killAfter` acks, kills the server with SIGKILL, and returns what was tracked. */
async function writeAndKill(api: HttpsApi, ove: OveProcess, killAfter: number): Promise<Map<string, Tracked>> {
  const tracked = new Map<string, Tracked>();
  let acks = 0;
  let killing: Promise<void> | undefined;
  const path = `/api/v1/namespaces/${NS}/configmaps`;
  const worker = async (w: number) => {
    for (let i = 0; !killing; i++) {
      const name = `w${w}-${i}`;
      const t: Tracked = { updateAttempted: false };
      tracked.set(name, t);
      try {
        const c = await api.request({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v: 'created' } } });
        if (c.status !== 201) throw new Error(`create ${name}: ${c.status} ${c.text}`);
        t.createdRv = c.json.metadata.resourceVersion;
        if (++acks >= killAfter) killing ??= ove.kill9();
        t.updateAttempted = true;
        const u = await api.request({ method: 'PUT', path: `${path}/${name}`, body: { ...c.json, data: { v: 'updated' } } });
        if (u.status !== 200) throw new Error(`update ${name}: ${u.status} ${u.text}`);
        t.updatedRv = u.json.metadata.resourceVersion;
        if (++acks >= killAfter) killing ??= ove.kill9();
      } catch (e) {
        // Only a connection cut by the kill may end a writer; an error answer is a failure.
        if (!killing || !/ECONNRESET|ECONNREFUSED|socket hang up|EPIPE/.test(String((e as Error).message ?? e))) throw e;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => worker(w)));
  await killing;
  return tracked;
}

/** Checks the restarted server against what was acknowledged; returns how many acks were checked. */
async function verify(api: HttpsApi, tracked: Map<string, Tracked>): Promise<number> {
  const list = await api.request({ path: `/api/v1/namespaces/${NS}/configmaps` });
  expect(list.status).toBe(200);
  const stored = new Map<string, { rv: string; v: string }>(list.json.items.map((o: { metadata: { name: string; resourceVersion: string }; data: { v: string } }) => [o.metadata.name, { rv: o.metadata.resourceVersion, v: o.data.v }]));
  let checked = 0;
  for (const [name, t] of tracked) {
    const s = stored.get(name);
    if (t.updatedRv) {
      expect(s, name).toEqual({ rv: t.updatedRv, v: 'updated' });
      checked += 2;
    } else if (t.createdRv) {
      checked++;
      if (!t.updateAttempted) expect(s, name).toEqual({ rv: t.createdRv, v: 'created' });
      // An update in flight at the kill may or may not have committed; either state is whole.
      else if (s?.rv !== t.createdRv) expect(s && Number(s.rv) > Number(t.createdRv) && s.v === 'updated', `${name}: ${JSON.stringify(s)}`).toBe(true);
      else expect(s.v).toBe('created');
    }
  }
  for (const name of stored.keys()) if (/^w\d+-/.test(name)) expect(tracked.has(name), `${name} was never written`).toBe(true);
  return checked;
}

async function crashRun(storage: string | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-crash-'));
  const port = await freePort();
  let ove = await startOve({ dataDir: dir, port, storage });
  let api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, WRITERS);
  try {
    expect((await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: NS } } })).status).toBe(201);
    const tracked = await writeAndKill(api, ove, KILL_AFTER_ACKS);
    api.close();
    expect(ove.child.signalCode).toBe('SIGKILL');
    ove = await startOve({ dataDir: dir, port, storage });
    api = new HttpsApi(ove.url, ove.caPem, ove.adminToken);
    expect(await verify(api, tracked)).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  } finally {
    api.close();
    await ove.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('crash safety under load', () => {
  it('keeps every acknowledged write across kill -9 on sqlite', async () => {
    await crashRun(undefined);
  }, 120_000);

  it('keeps every acknowledged write across kill -9 on etcd', async () => {
    const etcd: EtcdServer = await startEtcd();
    try {
      await crashRun(`etcd://${etcd.endpoint.replace(/^http:\/\//, '')}`);
    } finally {
      await etcd.stop();
    }
  }, 120_000);
});

describe('bad input over HTTPS', () => {
  let dir: string;
  let ove: OveProcess;
  let api: HttpsApi;
  const cms = '/api/v1/namespaces/bad/configmaps';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-bad-input-'));
    ove = await startOve({ dataDir: dir, port: await freePort() });
    api = new HttpsApi(ove.url, ove.caPem, ove.adminToken);
    expect((await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'bad' } } })).status).toBe(201);
    expect((await api.request({ method: 'POST', path: cms, body: { metadata: { name: 'keep' }, data: { k: 'v' } } })).status).toBe(201);
    // The namespace's controllers add their objects (root CA ConfigMap, default ServiceAccount) asynchronously.
    await vi.waitFor(async () => {
      expect((await api.request({ path: `${cms}/kube-root-ca.crt` })).status).toBe(200);
      expect((await api.request({ path: '/api/v1/namespaces/bad/serviceaccounts/default' })).status).toBe(200);
    }, { timeout: 20_000, interval: 50 });
  });

  afterAll(async () => {
    api?.close();
    await ove?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every object in namespace `bad`, by kind and name, with its resourceVersion and content. */
  async function stored(): Promise<string> {
    const parts: string[] = [];
    for (const p of [cms, '/api/v1/namespaces/bad/secrets', '/api/v1/namespaces/bad/serviceaccounts']) {
      const r = await api.request({ path: p });
      expect(r.status).toBe(200);
      for (const o of r.json.items) parts.push(`${p} ${o.metadata.name} ${o.metadata.resourceVersion} ${JSON.stringify(o.data ?? {})}`);
    }
    return parts.sort().join('\n');
  }

  /** Sends `r`, expects `code`/`reason` in a Status, then checks the server is up and nothing changed. */
  async function rejects(r: Parameters<HttpsApi['request']>[0], code: number, reason: string, message?: RegExp, client = api): Promise<void> {
    const before = await stored();
    const res = await client.request(r);
    expect(res.status, res.text).toBe(code);
    expect(res.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
    if (message) expect(res.json.message).toMatch(message);
    expect((await api.request({ path: '/readyz' })).status).toBe(200);
    expect(await stored()).toBe(before);
  }

  it('answers malformed JSON and YAML with 400 BadRequest', async () => {
    await rejects({ method: 'POST', path: cms, body: '{"metadata": {"name": "x"' }, 400, 'BadRequest');
    await rejects({ method: 'PUT', path: `${cms}/keep`, body: '{"metadata": ' }, 400, 'BadRequest');
    await rejects({ method: 'POST', path: cms, body: 'metadata: [unclosed', headers: { 'Content-Type': 'application/yaml' } }, 400, 'BadRequest');
  });

  it('answers a body of the wrong kind with 400 BadRequest', async () => {
    await rejects({ method: 'POST', path: cms, body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'wrong' } } }, 400, 'BadRequest');
    await rejects({ method: 'POST', path: cms, body: { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'wrong' } } }, 400, 'BadRequest');
  });

  it('answers an invalid name with 422 Invalid and an unknown field under Strict with 400', async () => {
    await rejects({ method: 'POST', path: cms, body: { metadata: { name: 'Not_A_Name' } } }, 422, 'Invalid', /metadata\.name: Invalid value: "Not_A_Name"/);
    await rejects({ method: 'POST', path: `${cms}?fieldValidation=Strict`, body: { metadata: { name: 'strict' }, bogus: 1 } }, 400, 'BadRequest', /unknown field "bogus"/);
  });

  it('answers a body over 3 MiB with 413', async () => {
    const big = { metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } };
    await rejects({ method: 'POST', path: cms, body: big }, 413, 'RequestEntityTooLarge', /^Request entity too large: limit is 3145728$/);
  });

  it('refuses a ConfigMap over 1 MiB (422) and a stored object over 1.5 MiB (413)', async () => {
    await rejects({ method: 'POST', path: cms, body: { metadata: { name: 'huge' }, data: { x: 'a'.repeat(1.1 * 1024 * 1024) } } }, 422, 'Invalid', /Too long: may not be more than 1048576 bytes/);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'blobs.test.ove.dev' },
      spec: {
        group: 'test.ove.dev',
        scope: 'Namespaced',
        names: { plural: 'blobs', singular: 'blob', kind: 'Blob', listKind: 'BlobList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    };
    expect((await api.request({ method: 'POST', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', body: crd })).status).toBe(201);
    const blobs = '/apis/test.ove.dev/v1/namespaces/bad/blobs';
    await vi.waitFor(async () => expect((await api.request({ path: blobs })).status).toBe(200), { timeout: 20_000, interval: 50 });
    await rejects({ method: 'POST', path: blobs, body: { apiVersion: 'test.ove.dev/v1', kind: 'Blob', metadata: { name: 'huge' }, data: 'a'.repeat(1.6 * 1024 * 1024) } }, 413, 'RequestEntityTooLarge', /request is too large/);
    expect((await api.request({ path: blobs })).json.items).toEqual([]);
  });

  it('answers a stale resourceVersion with 409 Conflict', async () => {
    const live = (await api.request({ path: `${cms}/keep` })).json;
    await rejects({ method: 'PUT', path: `${cms}/keep`, body: { ...live, metadata: { ...live.metadata, resourceVersion: String(Number(live.metadata.resourceVersion) - 1) }, data: { k: 'stale' } } }, 409, 'Conflict', /the object has been modified; please apply your changes to the latest version and try again/);
    await rejects({ method: 'PATCH', path: `${cms}/keep`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: { metadata: { resourceVersion: '1' }, data: { k: 'stale' } } }, 409, 'Conflict');
  });

  it('answers an unauthenticated request with 401 and a forbidden one with 403', async () => {
    await rejects({ method: 'POST', path: cms, body: { metadata: { name: 'anon' } }, anonymous: true }, 401, 'Unauthorized');
    await rejects({ path: cms, anonymous: true }, 401, 'Unauthorized');
    await rejects({ method: 'POST', path: cms, body: { metadata: { name: 'badtoken' } }, headers: { Authorization: 'Bearer not-a-token' }, anonymous: true }, 401, 'Unauthorized');
    expect((await api.request({ method: 'POST', path: '/api/v1/namespaces/bad/serviceaccounts', body: { metadata: { name: 'nobody' } } })).status).toBe(201);
    const tr = await api.request({ method: 'POST', path: '/api/v1/namespaces/bad/serviceaccounts/nobody/token', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} } });
    expect(tr.status, tr.text).toBe(201);
    const nobody = new HttpsApi(ove.url, ove.caPem, tr.json.status.token);
    try {
      await rejects({ method: 'POST', path: cms, body: { metadata: { name: 'forbidden' } } }, 403, 'Forbidden', /^configmaps is forbidden: User "system:serviceaccount:bad:nobody" cannot create resource "configmaps" in API group "" in the namespace "bad"$/, nobody);
      await rejects({ method: 'DELETE', path: `${cms}/keep` }, 403, 'Forbidden', /cannot delete resource "configmaps"/, nobody);
    } finally {
      nobody.close();
    }
  });
});
