/** GET of one object: read from the backend (a consistent read), as kube serves GET without resourceVersion. */
import { negotiate } from '../http/negotiate.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { TablePrinter, IncludeObject } from '../table/table.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { servedObject } from './list.js';
import { toYaml } from './yaml-output.js';
import type { KubeObject } from '../../api/types.js';

/** Handles GET on a named object (main resource or status subresource). */
export async function handleGet(deps: ApiDeps, req: RestRequest, printers: (res: ServedResource) => TablePrinter): Promise<RestResponse> {
  const rep = negotiate(req.headers.accept, ['table', 'json', 'yaml']);
  const obj = servedObject(req.res, await deps.store.get(req.res, req.info.namespace, req.info.name!));
  return render(deps, req, obj, rep, printers);
}

/** Writes one object in the negotiated representation. */
export function render(deps: ApiDeps, req: RestRequest, obj: KubeObject, rep: string, printers: (res: ServedResource) => TablePrinter): RestResponse {
  if (rep === 'table') {
    const include = (req.query.get('includeObject') ?? 'Metadata') as IncludeObject;
    return { code: 200, body: printers(req.res).table([obj], deps.clock.now(), include, { resourceVersion: obj.metadata.resourceVersion }) };
  }
  if (rep === 'yaml') return { code: 200, body: toYaml(obj), raw: true, contentType: 'application/yaml' };
  return { code: 200, body: obj };
}
