/**
 * Serves `subresources.kubevirt.io/v1` in front of the API server, as KubeVirt's
 * virt-api does behind its APIService: the discovery list exactly as virt-api writes
 * it (`virtualmachines/start`, `virtualmachineinstances/console`, ... with no verbs
 * and no parent resources, `pkg/virt-api/api.go`), and each subresource at its path
 * and method, after the same authentication and authorization as any request.
 * Everything else goes to the API server's own listener.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../../api/errors.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import { readBody } from '../http/body.js';
import { parseRequestPath } from '../http/request-info.js';
import { respond, respondError } from '../http/respond.js';
import type { ApiServer, HookHandler } from '../server.js';
import { authorizeRequest } from '../authorize-request.js';
import { kubevirtSubresourceDefs, VM_SUBRESOURCES, VMI_SUBRESOURCES } from './kubevirt-subresource-defs.js';

/** The group and version of KubeVirt's subresource API. */
export const KV_SUBRESOURCE_PREFIX = '/apis/subresources.kubevirt.io/v1';

/** The HTTP method of each subresource in virt-api's routes (console and vnc are GETs upgraded to websockets). */
const METHODS: Record<string, string> = {
  start: 'PUT', stop: 'PUT', restart: 'PUT', migrate: 'PUT', pause: 'PUT', unpause: 'PUT', softreboot: 'PUT',
  'expand-spec': 'GET', guestosinfo: 'GET', userlist: 'GET', filesystemlist: 'GET', console: 'GET', vnc: 'GET',
};

const own = new ResourceRegistry(kubevirtSubresourceDefs);

/** virt-api's APIResourceList for the group version. */
export function kubevirtSubresourceDiscovery(): Record<string, unknown> {
  const resources = [...VMI_SUBRESOURCES.map((s) => `virtualmachineinstances/${s}`), ...VM_SUBRESOURCES.map((s) => `virtualmachines/${s}`), 'expand-vm-spec'].map((name) => ({ name, singularName: '', namespaced: true, kind: '', verbs: null }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'subresources.kubevirt.io/v1', resources };
}

/** Wraps the API server's listener with KubeVirt's subresource API. */
export function withKubevirtSubresources(server: ApiServer, hooks: Map<string, HookHandler>): (req: IncomingMessage, out: ServerResponse) => void {
  const inner = server.listener;
  return (req, out) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== KV_SUBRESOURCE_PREFIX && !path.startsWith(`${KV_SUBRESOURCE_PREFIX}/`)) return inner(req, out);
    server.inFlight++;
    out.once('close', () => server.inFlight--);
    serve(server, hooks, req, out).catch((err) => respondError(out, err, (e) => server.deps.log('request failed', e)));
  };
}

async function serve(server: ApiServer, hooks: Map<string, HookHandler>, req: IncomingMessage, out: ServerResponse): Promise<void> {
  const d = server.deps;
  const url = new URL(req.url ?? '/', 'https://ove');
  const method = (req.method ?? 'GET').toUpperCase();
  const user = await authorizeRequest(d, req, url);
  if (url.pathname === KV_SUBRESOURCE_PREFIX) {
    if (method !== 'GET') throw new StatusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return respond(out, { code: 200, body: kubevirtSubresourceDiscovery() });
  }
  const info = parseRequestPath(url.pathname);
  // PUT namespaces/NS/expand-vm-spec: virt-api's one route that is not a subresource of an object.
  if (info.resource === 'expand-vm-spec' && info.namespace && !info.name) {
    if (method !== 'PUT') throw new StatusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const result = await hooks.get('subresources.kubevirt.io/expand-vm-spec')!(d, { method, info, res: own.all()[0]!, query: url.searchParams, headers: req.headers, user, body: await readBody(req) }, out);
    return result ? respond(out, result) : undefined;
  }
  const res = info.resource ? own.get(info.group, info.version, info.resource) : undefined;
  const hook = res && info.name && info.subresource ? hooks.get(`${res.group}/${res.plural}/${info.subresource}`) : undefined;
  if (!res || !hook || !res.subresources.includes(info.subresource!)) throw new StatusError('NotFound', 'the server could not find the requested resource', {});
  if (METHODS[info.subresource!] !== method) throw new StatusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const body = method === 'PUT' ? await readBody(req) : undefined;
  const result = await hook(d, { method, info, res, query: url.searchParams, headers: req.headers, user, body }, out);
  if (result) respond(out, result);
}
