/**
 * A port of the behaviour of kube-openapi's `SchemaValidator` (`kube-openapi/pkg/validation/validate/schema.go`,
 * `type.go`, `schema_props.go`, `slice_validator.go`, `object_validator.go`, `validator.go`) as
 * kube-apiserver runs it on custom resources: validators in kube's order (type, allOf/anyOf/oneOf/not,
 * string, format, number, items, enum, object), errors named by kube-openapi paths.
 */
import type { JSONSchema } from '../types.js';
import { type RawError, checkFormat, checkNumber, checkString, invalidType } from './value-checks.js';
import type { SchemaRegistry } from './resolver.js';
import { goQuote } from './go-format.js';

/** Errors plus kube-openapi's MatchCount (used to pick the best failing anyOf/oneOf branch). */
export interface NodeResult {
  errors: RawError[];
  matchCount: number;
}

// StripUnsupportedFormatsPostProcess (apiextensions validation/formats.go): formats kube keeps per type.
const STRING_FORMATS = new Set(['bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6', 'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5', 'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor', 'rgbcolor', 'byte', 'password', 'date', 'duration', 'datetime']);

function typesOf(s: JSONSchema): string[] {
  if (s['x-kubernetes-int-or-string'] === true || s.format === 'int-or-string') return ['integer', 'string'];
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return [];
}

function formatOf(s: JSONSchema, types: string[]): string {
  const f = typeof s.format === 'string' ? s.format : '';
  if (!f) return '';
  const t = types.length === 1 ? types[0] : '';
  if (t === '' || t === 'string') return STRING_FORMATS.has(f.replace(/-/g, '')) ? f : '';
  if (t === 'integer') return f === 'int32' || f === 'int64' ? f : '';
  if (t === 'number') return f === 'float' || f === 'double' ? f : '';
  return '';
}

/** The JSON type of decoded data and the Go format kube-openapi infers for it. */
function dataType(data: unknown): [string, string] {
  if (typeof data === 'string') return ['string', ''];
  if (typeof data === 'boolean') return ['boolean', ''];
  if (typeof data === 'number') return Number.isInteger(data) ? ['integer', 'int64'] : ['number', 'float64'];
  if (Array.isArray(data)) return ['array', ''];
  return ['object', ''];
}

function checkType(types: string[], nullable: boolean, format: string, name: string, data: unknown): RawError[] {
  if (data === null || data === undefined) {
    return types.length > 0 && !types.includes('null') && !nullable ? [invalidType(name, types.join(','), 'null')] : [];
  }
  const [schType, dataFormat] = dataType(data);
  const isIntFloat = schType === 'integer' && types.includes('number');
  const isLowerInt = format === 'int64' && dataFormat === 'int32';
  const scalarOrObject = schType !== 'string' && schType !== 'array';
  if (scalarOrObject && format !== '' && !(types.includes(schType) || format === dataFormat || isIntFloat || isLowerInt)) {
    return [invalidType(name, format, dataFormat)];
  }
  if (!(types.includes('number') || types.includes('integer')) && format !== '' && !scalarOrObject) return [];
  if (!(types.includes(schType) || isIntFloat)) return [invalidType(name, types.join(','), schType)];
  return [];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What a validation walk needs besides the data. */
export interface NodeContext {
  registry: SchemaRegistry;
  /**
   * Built-in kinds: JSON types were already checked by Go decoding (`builtinDecodeError`) and
   * null decodes to a zero value, so type, format and anyOf/oneOf checks are skipped.
   */
  builtin?: boolean;
}

/** Validates `data` against `schema` at kube-openapi path `name` ('' at the root). */
export function validateNode(data: unknown, schema: JSONSchema, name: string, ctx: NodeContext): NodeResult {
  // Hot path: no closures here (tsx wraps named closures in a costly __name call).
  const s = ctx.registry.resolve(schema);
  const types = typesOf(s);
  const format = formatOf(s, types);
  const res: NodeResult = { errors: [], matchCount: 0 };
  if (data === null || data === undefined) {
    if (ctx.builtin) return res;
    append(res.errors, checkType(types, s.nullable === true, format, name, data));
    enumCheck(s, name, data, res.errors);
    return res;
  }
  if ((types.length > 0 || format !== '') && !ctx.builtin) {
    append(res.errors, checkType(types, s.nullable === true, format, name, data));
    res.matchCount++;
  }
  if ((s.anyOf !== undefined || s.oneOf !== undefined || s.allOf !== undefined || s.not !== undefined) && !ctx.builtin) {
    const props = validateProps(data, s, name, ctx);
    append(res.errors, props.errors);
    res.matchCount += props.matchCount;
  }
  res.matchCount++;
  if (typeof data === 'string') {
    append(res.errors, checkString(s, name, data));
    res.matchCount++;
    if (format !== '' && !ctx.builtin) {
      append(res.errors, checkFormat({ format }, name, data));
      res.matchCount++;
    }
  } else if (typeof data === 'number') {
    append(res.errors, checkNumber(s, name, data));
    res.matchCount++;
  } else if (Array.isArray(data)) {
    validateSlice(data, s, name, ctx, res);
    res.matchCount++;
  }
  enumCheck(s, name, data, res.errors);
  res.matchCount++;
  if (typeof data === 'object' && !Array.isArray(data)) {
    validateObject(data as Record<string, unknown>, s, name, ctx, res);
    res.matchCount++;
  }
  res.matchCount++;
  return res;
}

function append(out: RawError[], errs: RawError[]): void {
  for (const e of errs) out.push(e);
}

function merge(res: NodeResult, r: NodeResult): void {
  append(res.errors, r.errors);
  res.matchCount += r.matchCount;
}

function enumCheck(s: JSONSchema, name: string, data: unknown, out: RawError[]): void {
  const values = s.enum;
  if (!Array.isArray(values) || values.length === 0) return;
  for (const v of values) if (deepEqual(v, data)) return;
  out.push({ code: 'enum', name, message: `${name} in body should be one of ${goList(values)}`, value: data, values });
}

function goList(values: unknown[]): string {
  return `[${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ')}]`;
}

function validateSlice(data: unknown[], s: JSONSchema, name: string, ctx: NodeContext, res: NodeResult): void {
  const items = s.items as JSONSchema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    for (let i = 0; i < data.length; i++) merge(res, validateNode(data[i], items, `${name}[${i}]`, ctx));
  }
  const size = data.length;
  if (typeof s.minItems === 'number' && size < s.minItems) {
    res.errors.push({ code: 'minItems', name, message: `${name} in body should have at least ${s.minItems} items`, value: size });
  }
  if (typeof s.maxItems === 'number' && size > s.maxItems) {
    res.errors.push({ code: 'maxItems', name, message: `${name} in body should have at most ${s.maxItems} items`, value: size, valid: s.maxItems });
  }
  if (s.uniqueItems === true && data.some((v, i) => data.slice(0, i).some((u) => deepEqual(u, v)))) {
    res.errors.push({ code: 'unique', name, message: `${name} in body shouldn't contain duplicates` });
  }
}

function validateObject(data: Record<string, unknown>, s: JSONSchema, name: string, ctx: NodeContext, res: NodeResult): void {
  const keys = Object.keys(data);
  const n = keys.length;
  if (typeof s.minProperties === 'number' && n < s.minProperties) {
    res.errors.push({ code: 'tooFewProps', name, message: `${name} in body should have at least ${s.minProperties} properties`, value: n });
    return;
  }
  if (typeof s.maxProperties === 'number' && n > s.maxProperties) {
    res.errors.push({ code: 'tooManyProps', name, message: `${name} in body should have at most ${s.maxProperties} properties`, value: n, valid: s.maxProperties });
    return;
  }
  const props = (s.properties as Record<string, JSONSchema> | undefined) ?? {};
  const ap = s.additionalProperties;
  if (ap === false) {
    for (const k of keys) {
      if (!Object.hasOwn(props, k)) res.errors.push({ code: 'notAllowed', name, message: `${name}.${k} in body is a forbidden property`, value: k });
    }
  } else if (typeof ap === 'object' && ap !== null) {
    for (const k of keys) if (!Object.hasOwn(props, k)) merge(res, validateNode(data[k], ap as JSONSchema, `${name}.${k}`, ctx));
  }
  // kube-openapi ranges over a Go map (random order); document order is used here.
  for (const k of keys) {
    if (Object.hasOwn(props, k)) merge(res, validateNode(data[k], props[k], name ? `${name}.${k}` : k, ctx));
  }
  const required = s.required as string[] | undefined;
  if (required) {
    for (const k of required) {
      if (!Object.hasOwn(data, k)) res.errors.push({ code: 'required', name: `${name}.${k}`, message: `${name}.${k} in body is required` });
    }
  }
}

function validateProps(data: unknown, s: JSONSchema, name: string, ctx: NodeContext): NodeResult {
  const res: NodeResult = { errors: [], matchCount: 0 };
  const anyOf = runAll(data, s.anyOf, name, ctx);
  if (anyOf.length > 0) {
    const ok = anyOf.find((r) => r.errors.length === 0);
    if (!ok) res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must validate at least one schema (anyOf)` });
    const pick = ok ?? best(anyOf)!;
    res.errors.push(...pick.errors);
    res.matchCount += pick.matchCount;
  }
  const oneOf = runAll(data, s.oneOf, name, ctx);
  if (oneOf.length > 0) {
    const valid = oneOf.filter((r) => r.errors.length === 0);
    if (valid.length !== 1) {
      const extra = valid.length === 0 ? 'Found none valid' : `Found ${valid.length} valid alternatives`;
      res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must validate one and only one schema (oneOf). ${extra}` });
      if (valid.length === 0) res.errors.push(...best(oneOf)!.errors);
    }
  }
  const allOf = runAll(data, s.allOf, name, ctx);
  if (allOf.length > 0) {
    const passed = allOf.filter((r) => r.errors.length === 0).length;
    for (const r of allOf) res.errors.push(...r.errors);
    if (passed !== allOf.length) {
      res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must validate all the schemas (allOf)${passed === 0 ? '. None validated' : ''}` });
    }
  }
  if (s.not && typeof s.not === 'object' && validateNode(data, s.not as JSONSchema, name, ctx).errors.length === 0) {
    res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must not validate the schema (not)` });
  }
  return res;
}

function runAll(data: unknown, list: unknown, name: string, ctx: NodeContext): NodeResult[] {
  return Array.isArray(list) ? (list as JSONSchema[]).map((sub) => validateNode(data, sub, name, ctx)) : [];
}

// The failing branch with the highest MatchCount (the first on ties), as schema_props.go keeps it.
function best(results: NodeResult[]): NodeResult | undefined {
  let b: NodeResult | undefined;
  for (const r of results) if (!b || r.matchCount > b.matchCount) b = r;
  return b;
}
