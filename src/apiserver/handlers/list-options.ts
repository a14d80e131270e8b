/**
 * ListOptions from the query string, validated as apimachinery's ValidateListOptions
 * does, and the opaque `continue` token (base64 JSON of the list's revision and the
 * last key, like kube's storage continue tokens).
 */
import { StatusError, invalid } from '../../api/errors.js';
import type { FieldCause } from '../../api/types.js';
import { parseFieldSelector, type FieldSelector } from '../selectors/field-selector.js';
import { parseLabelSelector, type LabelSelector } from '../selectors/label-selector.js';
import type { ServedResource } from '../registry/resource-registry.js';

/** Parsed list/watch options. */
export interface ListOpts {
  labels: LabelSelector;
  fields: FieldSelector;
  limit: number;
  continueToken?: { rv: number; start: string };
  resourceVersion: string;
  resourceVersionMatch: string;
  watch: boolean;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

/** Parses and validates the list options of a request. */
export function parseListOptions(res: ServedResource, q: URLSearchParams): ListOpts {
  const rv = q.get('resourceVersion') ?? '';
  const match = q.get('resourceVersionMatch') ?? '';
  const cont = q.get('continue') ?? '';
  const watch = q.get('watch') === 'true' || q.get('watch') === '1';
  const sendInitialEvents = q.has('sendInitialEvents') ? q.get('sendInitialEvents') === 'true' : undefined;
  const causes: FieldCause[] = [];
  if (match && !rv) causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' });
  if (match && cont) causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden when continue is provided' });
  if (match && !['Exact', 'NotOlderThan'].includes(match)) causes.push({ reason: 'FieldValueNotSupported', field: 'resourceVersionMatch', message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"` });
  if (match === 'Exact' && rv === '0') causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"' });
  if (sendInitialEvents !== undefined && !watch) causes.push({ reason: 'FieldValueForbidden', field: 'sendInitialEvents', message: 'Forbidden: sendInitialEvents is forbidden for list' });
  if (sendInitialEvents && match !== 'NotOlderThan') causes.push({ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: "Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan" });
  if (sendInitialEvents && q.get('allowWatchBookmarks') !== 'true') causes.push({ reason: 'FieldValueForbidden', field: 'allowWatchBookmarks', message: 'Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true' });
  if (causes.length) throw invalid('meta.k8s.io', 'ListOptions', '', causes);
  if (rv && rv !== '0' && !/^\d+$/.test(rv)) throw new StatusError('BadRequest', `invalid resource version: ${rv}`);
  const limit = Number(q.get('limit') ?? 0);
  if (!Number.isInteger(limit) || limit < 0) throw new StatusError('BadRequest', `limit: Invalid value: ${q.get('limit')}: must be a non-negative integer`);
  const timeout = q.get('timeoutSeconds');
  return {
    labels: parseLabelSelector(q.get('labelSelector')),
    fields: parseFieldSelector(q.get('fieldSelector'), res.fieldSelectors ?? {}, res.custom),
    limit,
    continueToken: cont ? decodeContinue(cont, rv) : undefined,
    resourceVersion: rv,
    resourceVersionMatch: match,
    watch,
    allowWatchBookmarks: q.get('allowWatchBookmarks') === 'true',
    sendInitialEvents,
    timeoutSeconds: timeout !== null ? Number(timeout) : undefined,
  };
}

/** Encodes a continue token for the next page. */
export function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` })).toString('base64url');
}

function decodeContinue(token: string, rv: string): { rv: number; start: string } {
  if (rv && rv !== '0') throw new StatusError('BadRequest', 'specifying resource version is not allowed when using continue');
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string' || !t.start.endsWith('\u0000')) throw new Error('bad token');
    return { rv: t.rv, start: t.start.slice(0, -1) };
  } catch {
    throw new StatusError('BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
