/**
 * The API server's request pipeline: authenticate, authorize, route, handle, respond.
 * Resource requests go to the verb handlers; discovery, OpenAPI, version and health
 * are served here. Kinds with special behaviour plug in through `hooks`
 * (virtual create-only resources and subresources such as eviction or binding).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../api/errors.js';
import type { Backend } from '../storage/backend.js';
import type { Authenticator } from './authn/authenticator.js';
import type { UserInfo } from './authn/user.js';
import type { Authorizer } from './authz/authorizer.js';
import { aggregatedContentType, aggregatedDiscovery } from './discovery/aggregated.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery/legacy.js';
import type { ApiDeps, RestRequest, RestResponse } from './handlers/context.js';
import { handleCreate } from './handlers/create.js';
import { handleDelete, handleDeleteCollection } from './handlers/delete.js';
import { handleGet } from './handlers/get.js';
import { handleList } from './handlers/list.js';
import { handlePatch, type Patcher } from './handlers/patch.js';
import { handleUpdate } from './handlers/update.js';
import { handleWatch } from './handlers/watch.js';
import { readBody } from './http/body.js';
import { negotiate } from './http/negotiate.js';
import { parseRequestPath, type RequestInfo } from './http/request-info.js';
import { respond, respondError } from './http/respond.js';
import type { OpenApiV3 } from './openapi/openapi-v3.js';
import { serveOpenApiV2 } from './openapi/serve-openapi-v2.js';
import type { ServedResource } from './registry/resource-registry.js';
import { TablePrinter } from './table/table.js';
import { authorizeRequest } from './authorize-request.js';

/** A handler for a subresource or a virtual (create-only) resource. */
export type HookHandler = (deps: ServerDeps, req: RestRequest, out: ServerResponse) => Promise<RestResponse | undefined>;

/** Everything the server needs. */
export interface ServerDeps extends ApiDeps {
  patcher: Patcher;
  backend: Backend;
  authenticator: Authenticator;
  authorizer: Authorizer;
  openapi: OpenApiV3;
  /** `host:port` clients reach the server at (discovery's serverAddressByClientCIDRs). */
  serverAddress: string;
  /** Keys: `<group>/<plural>/<subresource>` for subresources, `<group>/<plural>` for virtual creates. */
  hooks: Map<string, HookHandler>;
  /** The Kubernetes version reported at /version. */
  version: Record<string, string>;
  /** False until the caches are filled; /readyz reports it. */
  ready(): boolean;
  log(msg: string, err?: unknown): void;
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** The request pipeline. */
export class ApiServer {
  private readonly printers = new Map<ServedResource, TablePrinter>();
  /** Requests in flight (fast-forward clocks count them as work). */
  inFlight = 0;

  constructor(readonly deps: ServerDeps) {
    deps.registry.onChange(() => this.printers.clear());
  }

  /** Node's request listener. */
  readonly listener = (req: IncomingMessage, out: ServerResponse): void => {
    // Watches are long-running by design: only short requests count as work in flight.
    if (!/[?&]watch=(true|1)/.test(req.url ?? '')) {
      this.inFlight++;
      out.once('close', () => this.inFlight--);
    }
    this.handle(req, out).catch((err) => respondError(out, err, (e) => this.deps.log('request failed', e)));
  };

  private printer = (res: ServedResource): TablePrinter => {
    let p = this.printers.get(res);
    if (!p) this.printers.set(res, (p = new TablePrinter(res)));
    return p;
  };

  private async handle(req: IncomingMessage, out: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://ove');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (HEALTH.has(path) || [...HEALTH].some((h) => path.startsWith(`${h}/`))) return this.health(path, url, out);
    const user = await authorizeRequest(this.deps, req, url);

    const info = parseRequestPath(path);
    if (info.discovery) return this.discovery(info, req, out);
    if (path === '/openapi/v2' && serveOpenApiV2(this.deps.openapi.v2, req, out)) return;
    if (!info.isResource) return this.nonResource(path, method, url, out);
    const res = this.deps.registry.get(info.group, info.version, info.resource!);
    if (!res) throw notFoundPath();
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? await readBody(req) : undefined;
    const rr: RestRequest = { method, info, res, query: url.searchParams, headers: req.headers, user, body };
    const result = await this.dispatch(rr, out, user);
    if (result) respond(out, result);
  }

  private async dispatch(req: RestRequest, out: ServerResponse, _user: UserInfo): Promise<RestResponse | undefined> {
    const { res, info, method } = req;
    const d = this.deps;
    const sub = info.subresource;
    if (sub && sub !== 'status') {
      const hook = d.hooks.get(`${res.group}/${res.plural}/${sub}`);
      if (!hook || !res.subresources.concat(res.plural === 'namespaces' ? ['finalize'] : []).includes(sub)) throw notFoundPath();
      return hook(d, req, out);
    }
    if (sub === 'status' && !res.subresources.includes('status')) throw notFoundPath();
    if (!info.name) {
      if (method === 'GET') {
        allowVerb(res, req.query.get('watch') === 'true' || req.query.get('watch') === '1' ? 'watch' : 'list');
        if (req.query.get('watch') === 'true' || req.query.get('watch') === '1') {
          await handleWatch(d, req, out, this.printer);
          return undefined;
        }
        return handleList(d, req, d.backend, this.printer);
      }
      if (method === 'POST') {
        allowVerb(res, 'create');
        const virtual = d.hooks.get(`${res.group}/${res.plural}`);
        return virtual ? virtual(d, req, out) : handleCreate(d, req);
      }
      if (method === 'DELETE') {
        allowVerb(res, 'deletecollection');
        return handleDeleteCollection(d, req, d.backend);
      }
      throw methodNotAllowed();
    }
    switch (method) {
      case 'GET':
        allowVerb(res, 'get');
        return handleGet(d, req, this.printer);
      case 'PUT':
        allowVerb(res, 'update');
        return handleUpdate(d, req);
      case 'PATCH':
        allowVerb(res, 'patch');
        return handlePatch(d, req);
      case 'DELETE':
        if (sub) throw methodNotAllowed();
        allowVerb(res, 'delete');
        return handleDelete(d, req);
      case 'POST':
        throw methodNotAllowed();
      default:
        throw methodNotAllowed();
    }
  }

  private discovery(info: RequestInfo, req: IncomingMessage, out: ServerResponse): void {
    const reg = this.deps.registry;
    if (info.discovery === 'root-api' || info.discovery === 'root-apis') {
      const rep = negotiate(req.headers.accept, ['discovery-v2', 'discovery-v2beta1', 'json']);
      if (rep === 'discovery-v2' || rep === 'discovery-v2beta1') {
        const v = rep === 'discovery-v2' ? 'v2' : 'v2beta1';
        return respond(out, { code: 200, body: aggregatedDiscovery(reg, info.discovery === 'root-api', v) }, aggregatedContentType(v));
      }
      return respond(out, { code: 200, body: info.discovery === 'root-api' ? apiVersions(this.deps.serverAddress) : apiGroupList(reg) });
    }
    if (info.discovery === 'group') {
      const g = reg.groups().find((x) => x.group === info.group);
      if (!g || info.group === '') throw notFoundPath();
      return respond(out, { code: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g.group, g.versions) } });
    }
    const list = apiResourceList(reg, info.group, info.version);
    if (!list) throw notFoundPath();
    respond(out, { code: 200, body: list });
  }

  private nonResource(path: string, method: string, url: URL, out: ServerResponse): void {
    if (method !== 'GET') throw methodNotAllowed();
    if (path === '/version') return respond(out, { code: 200, body: this.deps.version });
    if (path === '/openapi/v3') return respond(out, { code: 200, body: this.deps.openapi.index() });
    const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (m) {
      const group = m[2] ?? '';
      const version = m[1] ?? m[3];
      if (this.deps.registry.resourcesOf(group, version).length === 0) throw notFoundPath();
      const doc = this.deps.openapi.doc(group, version);
      const immutable = url.searchParams.get('hash') === doc.hash;
      out.setHeader('Cache-Control', immutable ? 'public, immutable' : 'no-cache, private');
      out.setHeader('Etag', `"${doc.hash}"`);
      return respond(out, { code: 200, body: doc.json, raw: true });
    }
    throw notFoundPath();
  }

  private health(path: string, url: URL, out: ServerResponse): void {
    const ready = this.deps.ready();
    const ok = path.startsWith('/livez') || ready;
    const checks = path.startsWith('/readyz') ? ['ping', 'etcd', 'informer-sync'] : ['ping', 'etcd'];
    let text = ok ? 'ok' : 'informer-sync failed: caches not synced\nreadyz check failed';
    if (url.searchParams.has('verbose')) {
      text = checks.map((c) => `[${ok || c !== 'informer-sync' ? '+' : '-'}]${c} ${ok || c !== 'informer-sync' ? 'ok' : 'failed'}`).join('\n') + `\n${path.slice(1).split('/')[0]} check ${ok ? 'passed' : 'failed'}\n`;
    }
    out.writeHead(ok ? 200 : 500, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    out.end(text);
  }
}

function allowVerb(res: ServedResource, verb: string): void {
  if (!res.verbs.includes(verb)) throw methodNotAllowed();
}

function methodNotAllowed(): StatusError {
  return new StatusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** kube's 404 for an unknown path: `the server could not find the requested resource`. */
export function notFoundPath(): StatusError {
  return new StatusError('NotFound', 'the server could not find the requested resource', {});
}
