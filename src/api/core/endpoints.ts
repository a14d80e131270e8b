/** core/v1 Endpoints: ENDPOINTS AGE (`formatEndpoints`, at most 3 shown). */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

function hostPort(ip: string, port: unknown): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** `formatEndpoints(ep, nil)`: `ip:port` list, `+ N more...` past three, `<none>` without subsets. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets = arr(ep, 'subsets');
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = arr(ss, 'addresses');
    const ports = arr(ss, 'ports');
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(str(a, 'ip'));
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(hostPort(str(a, 'ip'), p.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** The endpoints resource. */
export const endpointsDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Endpoints', listKind: 'EndpointsList', plural: 'endpoints', singular: 'endpoints', namespaced: true,
  shortNames: ['ep'],
  ...schemaFields('io.k8s.api.core.v1.Endpoints'),
  strategicMerge: true,
  printerColumns: [col('Endpoints', 'Endpoints is the list of endpoints in this service.'), ageColumn],
  cells: (o, now) => [formatEndpoints(o), translateTimestampSince(o.metadata.creationTimestamp, now)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
};
