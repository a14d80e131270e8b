/**
 * Converts between protobufjs messages of the Kubernetes schema and kube's JSON form:
 * zero values omitted where the Go JSON tag says `omitempty` (present messages kept, as Go
 * prints non-nil structs; present zeros of pointer scalars kept), embedded structs inlined,
 * `bytes` as base64, `Time` as RFC3339 seconds (metav1.Time's JSON), `FieldsV1` as the JSON
 * object it carries, `IntOrString` as a number or a string, `Quantity` as its string.
 */
import type protobuf from 'protobufjs';
import { ALWAYS_EMIT, INLINE_FIELDS, POINTER_FIELDS } from './json-tags.js';

type Json = Record<string, unknown>;
type Long = { toNumber(): number };

/** A field the schema does not know: a field number met decoding, or a JSON key met encoding. */
export class UnknownFieldError extends Error {
  constructor(readonly path: string, readonly messageName: string, readonly field: number | string) {
    super(`unknown field ${field} of ${messageName} at ${path || '<root>'}`);
  }
}

/**
 * A decoded message as kube's JSON would show it. Throws UnknownFieldError when the wire
 * carried a field the schema has no number for (protobufjs keeps those in `$unknowns`).
 */
export function messageToJSON(type: protobuf.Type, msg: protobuf.Message | Json, path = ''): Json {
  const m = msg as unknown as Json;
  const unknowns = m.$unknowns as Uint8Array[] | undefined;
  if (unknowns && unknowns.length > 0) throw new UnknownFieldError(path, type.name, fieldNumberOf(unknowns[0]));
  const always = ALWAYS_EMIT[type.name] ?? [];
  const pointers = POINTER_FIELDS[type.name] ?? [];
  const inline = INLINE_FIELDS[type.name] ?? [];
  const out: Json = {};
  for (const field of type.fieldsArray) {
    const keep = always.includes(field.name);
    const own = Object.prototype.hasOwnProperty.call(m, field.name);
    const v = m[field.name];
    const at = path ? `${path}.${field.name}` : field.name;
    if (field.map) {
      const entries = Object.entries((v as Json | undefined) ?? {});
      if (entries.length > 0) out[field.name] = Object.fromEntries(entries.map(([k, x]) => [k, valueToJSON(field, x, `${at}[${k}]`)]));
    } else if (field.repeated) {
      const items = (v as unknown[] | undefined) ?? [];
      if (items.length > 0 || keep) out[field.name] = items.map((x, i) => valueToJSON(field, x, `${at}[${i}]`));
    } else if (own && v != null && inline.includes(field.name)) {
      Object.assign(out, valueToJSON(field, v, path) as Json);
    } else if (own && v != null) {
      // Go prints structs (IntOrString, Quantity among them) whatever omitempty says.
      const struct = field.resolvedType !== null && 'fieldsArray' in field.resolvedType;
      const j = valueToJSON(field, v, at);
      if (j !== undefined && (keep || struct || pointers.includes(field.name) || !isZeroScalar(j))) out[field.name] = j;
    } else if (keep) {
      out[field.name] = zeroOf(field.type);
    }
  }
  return out;
}

// The first varint of an unknown field's raw bytes is its tag: number << 3 | wire type.
function fieldNumberOf(raw: Uint8Array): number {
  let tag = 0;
  for (let i = 0, shift = 0; i < raw.length && i < 5; i++, shift += 7) {
    tag += (raw[i] & 0x7f) * 2 ** shift;
    if (raw[i] < 0x80) break;
  }
  return Math.floor(tag / 8);
}

function valueToJSON(field: protobuf.Field, v: unknown, path: string): unknown {
  const resolved = field.resolvedType as protobuf.Type | null;
  if (resolved && 'fieldsArray' in resolved) {
    if (resolved.name === 'Time') return timeToJSON(v as Json);
    if (resolved.name === 'FieldsV1') return fieldsV1ToJSON(v as Json);
    if (resolved.name === 'IntOrString') return intOrStringToJSON(v as Json);
    if (resolved.name === 'Quantity') return String((v as Json).string ?? '');
    return messageToJSON(resolved, v as Json, path);
  }
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (typeof v === 'object' && v !== null && 'toNumber' in v) return (v as Long).toNumber();
  return v;
}

// Go's zero values: omitempty drops them.
function isZeroScalar(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function zeroOf(type: string): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  return 0;
}

// metav1.Time marshals as RFC3339 at second precision, UTC; the zero time is omitted here.
function timeToJSON(t: Json): string | undefined {
  const raw = t.seconds ?? 0;
  const seconds = typeof raw === 'object' && raw !== null ? (raw as Long).toNumber() : Number(raw);
  if (seconds === 0 && !t.nanos) return undefined;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// intstr.IntOrString: type 0 carries intVal, type 1 strVal (util/intstr/intstr.go MarshalJSON).
function intOrStringToJSON(v: Json): number | string {
  const type = typeof v.type === 'object' && v.type !== null ? (v.type as Long).toNumber() : Number(v.type ?? 0);
  return type === 1 ? String(v.strVal ?? '') : Number(v.intVal ?? 0);
}

function fieldsV1ToJSON(f: Json): unknown {
  const raw = f.Raw as Uint8Array | undefined;
  return raw && raw.length > 0 ? JSON.parse(Buffer.from(raw).toString('utf8')) : {};
}

/**
 * A JSON object of kube's form made into the plain object `Type.fromObject` takes. Throws
 * UnknownFieldError for a key the message cannot carry (`skip`: keys outside it, at the root).
 */
export function jsonToPlain(type: protobuf.Type, obj: Json, path = '', skip: string[] = []): Json {
  const known = new Set([...skip, ...jsonKeys(type)]);
  const stray = Object.keys(obj).find((k) => !known.has(k) && obj[k] != null);
  if (stray !== undefined) throw new UnknownFieldError(path, type.name, stray);
  const out: Json = {};
  const inline = INLINE_FIELDS[type.name] ?? [];
  for (const field of type.fieldsArray) {
    if (inline.includes(field.name)) {
      // The parent checked every key already; the inlined struct takes those that are its own.
      out[field.name] = jsonToPlain(field.resolvedType as protobuf.Type, obj, path, Object.keys(obj));
      continue;
    }
    const v = obj[field.name];
    if (v == null) continue;
    const at = path ? `${path}.${field.name}` : field.name;
    if (field.map) out[field.name] = Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [k, valueToPlain(field, x, `${at}[${k}]`)]));
    else if (field.repeated) out[field.name] = (v as unknown[]).map((x, i) => valueToPlain(field, x, `${at}[${i}]`));
    else out[field.name] = valueToPlain(field, v, at);
  }
  return out;
}

// The keys a message has in JSON: its fields, with inlined structs' fields in place of themselves.
function jsonKeys(type: protobuf.Type): string[] {
  const inline = INLINE_FIELDS[type.name] ?? [];
  return type.fieldsArray.flatMap((f) => (inline.includes(f.name) ? jsonKeys(f.resolvedType as protobuf.Type) : [f.name]));
}

function valueToPlain(field: protobuf.Field, v: unknown, path: string): unknown {
  const resolved = field.resolvedType as protobuf.Type | null;
  if (!resolved || !('fieldsArray' in resolved)) return v;
  if (resolved.name === 'Time') {
    const ms = Date.parse(String(v));
    return { seconds: Math.floor(ms / 1000), nanos: (((ms % 1000) + 1000) % 1000) * 1e6 };
  }
  if (resolved.name === 'FieldsV1') return { Raw: Buffer.from(JSON.stringify(v)) };
  if (resolved.name === 'IntOrString') return typeof v === 'string' ? { type: 1, strVal: v } : { type: 0, intVal: v };
  if (resolved.name === 'Quantity') return { string: String(v) };
  return jsonToPlain(resolved, v as Json, path);
}
