/**
 * Content negotiation: what representation the client asked for in `Accept`
 * (Table, aggregated discovery, JSON or YAML) and what it sent (`Content-Type`).
 */
import { StatusError } from '../../api/errors.js';

/** One media range of an Accept header, with its parameters. */
interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [{ type: '*/*', params: {} }];
  return accept.split(',').map((part) => {
    const [type, ...ps] = part.trim().split(';');
    const params: Record<string, string> = {};
    for (const p of ps) {
      const [k, v] = p.split('=');
      if (k && v !== undefined) params[k.trim()] = v.trim();
    }
    return { type: type.trim().toLowerCase(), params };
  });
}

/** The representation chosen for a response. */
export type Representation = 'json' | 'yaml' | 'table' | 'discovery-v2' | 'discovery-v2beta1';

/** Chooses the response representation from the Accept header; `allowed` lists what the endpoint can produce. */
export function negotiate(accept: string | undefined, allowed: Representation[]): Representation {
  for (const r of parseAccept(accept)) {
    if (r.type === 'application/json' && r.params.as) {
      if (r.params.as === 'Table' && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1') && allowed.includes('table')) return 'table';
      if (r.params.as === 'APIGroupDiscoveryList' && r.params.g === 'apidiscovery.k8s.io') {
        if (r.params.v === 'v2' && allowed.includes('discovery-v2')) return 'discovery-v2';
        if (r.params.v === 'v2beta1' && allowed.includes('discovery-v2beta1')) return 'discovery-v2beta1';
      }
      continue;
    }
    if (r.type === 'application/json' || r.type === 'application/*' || r.type === '*/*') return 'json';
    if (r.type === 'application/yaml') return 'yaml';
  }
  throw new StatusError('NotAcceptable', `only the following media types are accepted: application/json, application/yaml`);
}

/** The media type of a request body (lower-cased, without parameters). */
export function contentTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
