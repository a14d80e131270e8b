/**
 * Composes the control plane: storage backend, watch caches, the API server with its
 * schemas, admission and RBAC, the HTTPS listener, and the core controllers
 * (namespace, garbage collector, CRDs, service accounts). `ove up` and the tests
 * start it the same way.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { builtinResources } from '../api/builtin.js';
import { builtinSchemas } from '../api/meta/builtin-schema.js';
import { platformResources } from '../api/platform.js';
import { twinResources } from '../api/twin/fault.js';
import type { JSONSchema, KubeObject } from '../api/types.js';
import { AdmissionChain } from '../apiserver/admission/admission.js';
import { kubevirtVmAdmission } from '../apiserver/hooks/kubevirt-vm-admission.js';
import { namespaceLifecycle } from '../apiserver/admission/namespace-lifecycle.js';
import { rbacEscalation } from '../apiserver/admission/rbac-escalation.js';
import { priorityAdmission } from '../apiserver/admission/priority.js';
import { ServiceAccountTokens, TokenAuthenticator } from '../apiserver/authn/authenticator.js';
import { LOOPBACK_USER, type UserInfo } from '../apiserver/authn/user.js';
import { newAuthorizer } from '../apiserver/authz/index.js';
import { decodeProtobufObject } from '../apiserver/protobuf/index.js';
import { namespaceFinalize } from '../apiserver/hooks/namespace-finalize.js';
import { podBinding } from '../apiserver/hooks/pod-binding.js';
import { podEviction } from '../apiserver/hooks/pod-eviction.js';
import { reviewHooks } from '../apiserver/hooks/reviews.js';
import { serviceAccountToken } from '../apiserver/hooks/serviceaccount-token.js';
import { registerWorkloadScale } from '../apiserver/hooks/workload-scale.js';
import { withKubevirtSubresources } from '../apiserver/hooks/kubevirt-api.js';
import { registerKubevirtSubresources } from '../apiserver/hooks/kubevirt-subresources.js';
import { registerCephCommandHook } from '../apiserver/hooks/ceph-command.js';
import { registerUploadTokenHook, UploadTokens } from '../apiserver/hooks/cdi-upload-token.js';
import { UPLOAD_PROXY_PREFIX, withCdiUploadProxy } from '../apiserver/hooks/cdi-upload-proxy.js';
import { registerCdiConfigController } from '../controllers/data-volume/cdi-config.js';
import { uploadReceiverFor } from '../controllers/data-volume/upload-receiver.js';
import { handleUpgrade, type UpgradeHook } from '../apiserver/upgrade.js';
import { registerVirtualizationControllers } from '../controllers/virtual-machine/controller.js';
import { twinGuestModel } from '../twin/guest/guest-model.js';
import { OpenApiV3 } from '../apiserver/openapi/openapi-v3.js';
import { rbacCacheSource } from '../apiserver/rbac-cache-source.js';
import { crdToResourceDefs } from '../apiserver/registry/crd-defs.js';
import { ObjectStore } from '../apiserver/registry/object-store.js';
import { ResourceRegistry } from '../apiserver/registry/resource-registry.js';
import { buildSchemaRegistry, fieldManager, patcher, schemaOps } from '../apiserver/schema-adapters.js';
import { ApiServer, type HookHandler } from '../apiserver/server.js';
import { CacheHub } from '../apiserver/storage/cache-hub.js';
import { entryObject } from '../apiserver/storage/watch-cache.js';
import { Client } from '../client/client.js';
import { InProcessTransport } from '../client/inprocess-transport.js';
import { registerClusterRoleAggregation } from '../controllers/clusterrole-aggregation/controller.js';
import { registerScheduler } from '../controllers/scheduler/controller.js';
import { registerCrdController } from '../controllers/custom-resource-definition/controller.js';
import { registerGarbageCollector } from '../controllers/garbage-collector/controller.js';
import { registerNamespaceController } from '../controllers/namespace/controller.js';
import { registerServiceAccountController } from '../controllers/service-account/controller.js';
import { RealClock, type Clock } from '../lib/clock.js';
import { Manager } from '../runtime/manager.js';
import { startCompactor } from '../storage/compactor.js';
import type { Backend } from '../storage/backend.js';
import { bootstrap } from './bootstrap.js';
import { ensurePki } from './pki.js';
import { openBackend } from './storage-backend.js';

/** Options of a control plane. */
export interface ControlPlaneOptions {
  dataDir: string;
  /** `sqlite` (default), `memory`, or `etcd://host:port,...` */
  storage?: string;
  /** Or an already opened backend (tests). */
  backend?: Backend;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Plain HTTP instead of HTTPS (tests only). */
  insecure?: boolean;
  clock?: Clock;
  log?: (msg: string, err?: unknown) => void;
  /** Compaction interval (kube-apiserver's --etcd-compaction-interval, 5m). */
  compactionIntervalMs?: number;
}

/** A running control plane. */
export interface ControlPlane {
  url: string;
  caPem: string;
  adminToken: string;
  /** A client in the process, acting as the API server's loopback identity (system:masters). */
  client: Client;
  manager: Manager;
  server: ApiServer;
  /** True while requests, controllers or the watch caches have work in flight (fast-forward clocks wait for it). */
  busy(): Promise<boolean>;
  stop(): Promise<void>;
}

const KUBE_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0+ove', gitCommit: 'ove', gitTreeState: 'clean', buildDate: '2026-11-21T00:00:00Z', goVersion: 'go1.23.4', compiler: 'gc', platform: 'linux/amd64' };

/** Starts a control plane and resolves once it serves requests. */
export async function startControlPlane(opts: ControlPlaneOptions): Promise<ControlPlane> {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(e ? `${m}: ${e instanceof Error ? e.stack : String(e)}` : m));
  const clock = opts.clock ?? new RealClock();
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const host = opts.host ?? '127.0.0.1';
  const pki = ensurePki(opts.dataDir, [host, '127.0.0.1', 'localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local']);
  const adminToken = secretFile(join(opts.dataDir, 'admin.token'), () => randomBytes(32).toString('hex'));
  const loopbackToken = randomBytes(32).toString('hex');
  const saKeyPath = join(opts.dataDir, 'pki', 'sa.key');
  const saTokens = new ServiceAccountTokens(existsSync(saKeyPath) ? readFileSync(saKeyPath, 'utf8') : undefined);
  if (!existsSync(saKeyPath)) writeFileSync(saKeyPath, saTokens.privateKeyPem(), { mode: 0o600 });

  const backend = opts.backend ?? (await openBackend(opts.storage ?? 'sqlite', opts.dataDir));
  const hub = new CacheHub(backend);
  await hub.start();

  const registry = new ResourceRegistry([...builtinResources, ...platformResources, ...twinResources]);
  const components = new Map<string, JSONSchema>(Object.entries(builtinSchemas));
  for (const r of registry.all()) for (const [n, s] of Object.entries(r.definitions ?? {})) components.set(n, s);
  const schemaRegistry = buildSchemaRegistry(components);
  const ops = schemaOps(schemaRegistry, () => clock.now());
  const cached = (prefix: string, key: string): KubeObject | undefined => {
    const e = hub.cacheFor(prefix).items.get(prefix + key);
    return e ? entryObject(e) : undefined;
  };

  const rbacSource = rbacCacheSource(hub);
  const { authorizer, ruleResolver } = newAuthorizer(rbacSource);
  const staticTokens = new Map<string, UserInfo>([
    [adminToken, { name: 'admin', uid: 'admin', groups: ['system:masters', 'system:authenticated'] }],
    [loopbackToken, LOOPBACK_USER],
  ]);
  const authenticator = new TokenAuthenticator(staticTokens, saTokens, (ns, name) => cached('/registry/core/serviceaccounts/', `${ns}/${name}`)?.metadata.uid, () => clock.now());

  const priorityClasses = '/registry/scheduling.k8s.io/priorityclasses/';
  const admission = new AdmissionChain([
    namespaceLifecycle((name) => cached('/registry/core/namespaces/', name)),
    priorityAdmission({ get: (name) => cached(priorityClasses, name), list: () => [...hub.cacheFor(priorityClasses).items.values()].map(entryObject) }),
    rbacEscalation(() => authorizer, rbacSource),
  ]);
  const hooks = new Map<string, HookHandler>([
    ['/namespaces/finalize', namespaceFinalize],
    ['/pods/binding', podBinding],
    ['/bindings', podBinding],
    ['/pods/eviction', podEviction],
    ['/serviceaccounts/token', serviceAccountToken(saTokens)],
  ]);
  reviewHooks(hooks, ruleResolver, authenticator);
  registerWorkloadScale(hooks);
  const upgradeHooks = new Map<string, UpgradeHook>();
  registerKubevirtSubresources(hooks, upgradeHooks, () => client, twinGuestModel());
  admission.register(kubevirtVmAdmission(() => client));
  // The manager is created below; until then (bootstrap) there is no engine to reach.
  let managerReady = false;
  registerCephCommandHook(hooks, () => (managerReady ? manager : undefined));
  const uploadTokens = UploadTokens.fromFile(join(opts.dataDir, 'pki', 'cdi-upload-token.key'));
  registerUploadTokenHook(hooks, uploadTokens);

  let ready = false;
  const server = new ApiServer({
    registry,
    store: new ObjectStore(backend),
    hub,
    clock,
    admission,
    schema: ops,
    fields: fieldManager(ops, schemaRegistry, () => clock.now()),
    patcher: patcher(ops, schemaRegistry),
    protobuf: (buf) => decodeProtobufObject(buf),
    newUid: () => randomUUID(),
    backend,
    authenticator,
    authorizer,
    openapi: new OpenApiV3(registry, components),
    serverAddress: `${host}:${opts.port ?? 6443}`,
    hooks,
    version: KUBE_VERSION,
    ready: () => ready,
    log,
  });

  // Kinds defined by CRDs are served before the first request, so a restart never 404s them.
  const serveCrd = (crd: KubeObject): string | undefined => {
    for (const def of crdToResourceDefs(crd)) {
      const existing = registry.byKind(`${def.group}/${def.version}`, def.kind);
      if (existing && !existing.custom) return `"${def.plural}" is already in use by a built-in kind`;
      for (const [n, s] of Object.entries(def.definitions ?? {})) components.set(n, s);
      registry.add(def, true);
    }
    return undefined;
  };
  for (const e of hub.cacheFor('/registry/apiextensions.k8s.io/customresourcedefinitions/').items.values()) serveCrd(entryObject(e));

  // cdi-uploadproxy on the same listener, under UPLOAD_PROXY_PREFIX (CDIConfig status.uploadProxyURL points there).
  const listener = withCdiUploadProxy(withKubevirtSubresources(server, hooks), { tokens: uploadTokens, client: () => client, receiver: () => (managerReady ? uploadReceiverFor(manager) : undefined), clock, log });
  const httpServer = opts.insecure ? http.createServer(listener) : https.createServer({ key: pki.serverKey, cert: pki.serverCert }, listener);
  httpServer.keepAliveTimeout = 120_000;
  httpServer.on('upgrade', (req, socket, head) => void handleUpgrade(server.deps, upgradeHooks, req, socket, head));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 6443, host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  server.deps.serverAddress = `${host}:${port}`;
  const url = `${opts.insecure ? 'http' : 'https'}://${host}:${port}`;

  const client = new Client(new InProcessTransport(listener, loopbackToken));
  await bootstrap(client, log);
  const manager = new Manager(client, clock, log);
  managerReady = true;
  registerNamespaceController(manager);
  registerCrdController(manager, {
    serve: serveCrd,
    unserve: (crd) => {
      const spec = crd.spec as { group: string; names: { plural: string }; versions: { name: string }[] };
      for (const v of spec.versions) {
        const r = registry.get(spec.group, v.name, spec.names.plural);
        if (r?.custom) registry.remove(spec.group, v.name, spec.names.plural);
      }
    },
  });
  registerServiceAccountController(manager, pki.caCert);
  registerClusterRoleAggregation(manager);
  const scheduler = registerScheduler(manager, clock);
  registerVirtualizationControllers(manager, clock);
  registerCdiConfigController(manager, `${url}${UPLOAD_PROXY_PREFIX}`);
  const stopGc = await registerGarbageCollector(manager);
  await manager.start();
  const compactor = startCompactor(backend, clock, { intervalMs: opts.compactionIntervalMs ?? 5 * 60_000, onError: (e) => log('compaction failed', e) });
  ready = true;

  return {
    url,
    caPem: pki.caCert,
    adminToken,
    client,
    manager,
    server,
    async busy() {
      if (server.inFlight > 0 || manager.busy() || scheduler.busy()) return true;
      return (await backend.currentRevision()) > hub.currentRevision();
    },
    async stop() {
      ready = false;
      compactor.stop();
      stopGc();
      await manager.stop();
      hub.stop();
      // Let requests already inside the server finish before the backend goes away.
      for (let i = 0; i < 200 && server.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections?.();
      });
      await backend.close();
    },
  };
}

function secretFile(path: string, make: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const v = make();
  writeFileSync(path, v, { mode: 0o600 });
  return v;
}
