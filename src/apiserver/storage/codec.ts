/**
 * How API objects become backend bytes and back. Objects are stored as JSON without
 * `metadata.resourceVersion` (it is the key's modRevision, set on read), under
 * `/registry/<group|core>/<plural>/[<namespace>/]<name>`.
 */
import type { KubeObject } from '../../api/types.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The backend key of an object. */
export function objectKey(keyPrefix: string, namespace: string | undefined, name: string): string {
  return namespace ? `${keyPrefix}${namespace}/${name}` : `${keyPrefix}${name}`;
}

/** The key prefix of a namespace's objects of one resource (or all of them). */
export function listPrefix(keyPrefix: string, namespace: string | undefined): string {
  return namespace ? `${keyPrefix}${namespace}/` : keyPrefix;
}

/** Serializes an object for storage, dropping its resourceVersion. */
export function encodeObject(obj: KubeObject): Uint8Array {
  const { resourceVersion: _rv, ...meta } = obj.metadata;
  // apiVersion, kind and metadata lead, so decodeToJson finds the top-level metadata first.
  // Labels lead metadata, so the watch cache can read them without parsing the object.
  const { apiVersion, kind, metadata: _m, ...rest } = obj;
  const { labels, ...others } = meta;
  const metadata = labels ? { labels, ...others } : others;
  return enc.encode(JSON.stringify({ apiVersion, kind, metadata, ...rest }));
}

/** The stored JSON text of an object, with resourceVersion spliced in right after the opening of metadata. */
export function decodeToJson(value: Uint8Array, modRevision: number): string {
  const text = dec.decode(value);
  // Splice rather than parse+stringify: the watch cache keeps JSON text, and this runs per event.
  const i = text.indexOf('"metadata":{');
  if (i < 0) return text;
  const at = i + '"metadata":{'.length;
  const sep = text[at] === '}' ? '' : ',';
  return `${text.slice(0, at)}"resourceVersion":"${modRevision}"${sep}${text.slice(at)}`;
}

/** Reads metadata.labels from JSON that decodeToJson produced, without parsing the whole object. */
export function labelsOfJson(json: string): Record<string, string> | undefined {
  const m = json.indexOf('"metadata":{');
  if (m < 0) return undefined;
  const rv = json.indexOf('",', m);
  const at = rv + 2;
  if (!json.startsWith('"labels":{', at)) return undefined;
  // Label keys and values cannot contain braces, so the first '}' closes the map.
  const start = at + '"labels":'.length;
  return JSON.parse(json.slice(start, json.indexOf('}', start) + 1)) as Record<string, string>;
}

/** Parses stored bytes into an object carrying its resourceVersion. */
export function decodeObject(value: Uint8Array, modRevision: number): KubeObject {
  const obj = JSON.parse(dec.decode(value)) as KubeObject;
  obj.metadata = { ...obj.metadata, resourceVersion: String(modRevision) };
  return obj;
}
