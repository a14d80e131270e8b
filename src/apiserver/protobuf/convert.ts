/**
 * Converts between protobufjs messages of the Kubernetes schema and kube's JSON form:
 * zero values omitted where the Go JSON tag says `omitempty` (present messages kept, as Go
 * prints non-nil structs), `bytes` as base64, `Time` as RFC3339 seconds (metav1.Time's JSON),
 * `FieldsV1` as the JSON object it carries.
 */
import type protobuf from 'protobufjs';
import { ALWAYS_EMIT } from './schema.js';

type Json = Record<string, unknown>;
type Long = { toNumber(): number };

/** A decoded message as kube's JSON would show it. */
export function messageToJSON(type: protobuf.Type, msg: protobuf.Message | Json): Json {
  const m = msg as unknown as Json;
  const always = ALWAYS_EMIT[type.name] ?? [];
  const out: Json = {};
  for (const field of type.fieldsArray) {
    const keep = always.includes(field.name);
    const own = Object.prototype.hasOwnProperty.call(m, field.name);
    const v = m[field.name];
    if (field.map) {
      const entries = Object.entries((v as Json | undefined) ?? {});
      if (entries.length > 0) out[field.name] = Object.fromEntries(entries.map(([k, x]) => [k, valueToJSON(field, x)]));
    } else if (field.repeated) {
      const items = (v as unknown[] | undefined) ?? [];
      if (items.length > 0 || keep) out[field.name] = items.map((x) => valueToJSON(field, x));
    } else if (own && v != null) {
      const j = valueToJSON(field, v);
      if (j !== undefined && (keep || !isZeroScalar(j))) out[field.name] = j;
    } else if (keep) {
      out[field.name] = zeroOf(field.type);
    }
  }
  return out;
}

function valueToJSON(field: protobuf.Field, v: unknown): unknown {
  const resolved = field.resolvedType as protobuf.Type | null;
  if (resolved && 'fieldsArray' in resolved) {
    if (resolved.name === 'Time') return timeToJSON(v as Json);
    if (resolved.name === 'FieldsV1') return fieldsV1ToJSON(v as Json);
    return messageToJSON(resolved, v as Json);
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

function fieldsV1ToJSON(f: Json): unknown {
  const raw = f.Raw as Uint8Array | undefined;
  return raw && raw.length > 0 ? JSON.parse(Buffer.from(raw).toString('utf8')) : {};
}

/** A JSON object of kube's form made into the plain object `Type.fromObject` takes. */
export function jsonToPlain(type: protobuf.Type, obj: Json): Json {
  const out: Json = {};
  for (const field of type.fieldsArray) {
    const v = obj[field.name];
    if (v == null) continue;
    if (field.map) out[field.name] = Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [k, valueToPlain(field, x)]));
    else if (field.repeated) out[field.name] = (v as unknown[]).map((x) => valueToPlain(field, x));
    else out[field.name] = valueToPlain(field, v);
  }
  return out;
}

function valueToPlain(field: protobuf.Field, v: unknown): unknown {
  const resolved = field.resolvedType as protobuf.Type | null;
  if (!resolved || !('fieldsArray' in resolved)) return v;
  if (resolved.name === 'Time') {
    const ms = Date.parse(String(v));
    return { seconds: Math.floor(ms / 1000), nanos: (((ms % 1000) + 1000) % 1000) * 1e6 };
  }
  if (resolved.name === 'FieldsV1') return { Raw: Buffer.from(JSON.stringify(v)) };
  return jsonToPlain(resolved, v as Json);
}
