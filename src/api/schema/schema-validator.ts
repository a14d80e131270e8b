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
const STRING_FORMATS = new Set(['bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6', 'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5', 'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor', 'rgbcolor', 'byte', 'password', 'date', 'duration', 'datetime', 'quantity', 'k8sshortname', 'k8slongname']);

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
  /** Built-in kinds decode null into Go zero values, so null is never a type error there. */
  nullsAllowed?: boolean;
}

/** Validates `data` against `schema` at kube-openapi path `name` ('' at the root). */
export function validateNode(data: unknown, schema: JSONSchema, name: string, ctx: NodeContext): NodeResult {
  const s = ctx.registry.resolve(schema);
  const types = typesOf(s);
  const format = formatOf(s, types);
  const res: NodeResult = { errors: [], matchCount: 0 };
  const enumValues = Array.isArray(s.enum) ? (s.enum as unknown[]) : [];
  const checkEnum = () => {
    if (enumValues.length > 0 && !enumValues.some((v) => deepEqual(v, data))) {
      res.errors.push({ code: 'enum', name, message: `${name} in body should be one of ${goList(enumValues)}`, value: data, values: enumValues });
    }
  };
  if (data === null || data === undefined) {
    if (ctx.nullsAllowed) return res;
    res.errors.push(...checkType(types, s.nullable === true, format, name, data));
    checkEnum();
    return res;
  }
  const apply = (errs: RawError[]) => {
    res.errors.push(...errs);
    res.matchCount++;
  };
  if (types.length > 0 || format !== '') apply(checkType(types, s.nullable === true, format, name, data));
  const props = validateProps(data, s, name, ctx);
  res.errors.push(...props.errors);
  res.matchCount += props.matchCount + 1;
  if (typeof data === 'string') {
    apply(checkString(s, name, data));
    if (format !== '') apply(checkFormat({ format }, name, data));
  }
  if (typeof data === 'number') apply(checkNumber(s, name, data));
  if (Array.isArray(data)) apply(validateSlice(data, s, name, ctx, res));
  checkEnum();
  res.matchCount++;
  if (typeof data === 'object' && !Array.isArray(data)) apply(validateObject(data as Record<string, unknown>, s, name, ctx, res));
  res.matchCount++;
  return res;
}

function goList(values: unknown[]): string {
  return `[${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ')}]`;
}

function validateSlice(data: unknown[], s: JSONSchema, name: string, ctx: NodeContext, res: NodeResult): RawError[] {
  const out: RawError[] = [];
  const items = s.items as JSONSchema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    data.forEach((v, i) => {
      const r = validateNode(v, items, `${name}[${i}]`, ctx);
      out.push(...r.errors);
      res.matchCount += r.matchCount;
    });
  }
  const size = data.length;
  if (typeof s.minItems === 'number' && size < s.minItems) {
    out.push({ code: 'minItems', name, message: `${name} in body should have at least ${s.minItems} items`, value: size });
  }
  if (typeof s.maxItems === 'number' && size > s.maxItems) {
    out.push({ code: 'maxItems', name, message: `${name} in body should have at most ${s.maxItems} items`, value: size, valid: s.maxItems });
  }
  if (s.uniqueItems === true && data.some((v, i) => data.slice(0, i).some((u) => deepEqual(u, v)))) {
    out.push({ code: 'unique', name, message: `${name} in body shouldn't contain duplicates` });
  }
  return out;
}

function validateObject(data: Record<string, unknown>, s: JSONSchema, name: string, ctx: NodeContext, res: NodeResult): RawError[] {
  const n = Object.keys(data).length;
  if (typeof s.minProperties === 'number' && n < s.minProperties) {
    return [{ code: 'tooFewProps', name, message: `${name} in body should have at least ${s.minProperties} properties`, value: n }];
  }
  if (typeof s.maxProperties === 'number' && n > s.maxProperties) {
    return [{ code: 'tooManyProps', name, message: `${name} in body should have at most ${s.maxProperties} properties`, value: n, valid: s.maxProperties }];
  }
  const out: RawError[] = [];
  const merge = (r: NodeResult) => {
    out.push(...r.errors);
    res.matchCount += r.matchCount;
  };
  const props = (s.properties as Record<string, JSONSchema> | undefined) ?? {};
  const ap = s.additionalProperties;
  if (ap === false) {
    for (const k of Object.keys(data)) {
      if (!Object.hasOwn(props, k)) out.push({ code: 'notAllowed', name, message: `${name}.${k} in body is a forbidden property`, value: k });
    }
  } else if (typeof ap === 'object' && ap !== null) {
    for (const k of Object.keys(data)) if (!Object.hasOwn(props, k)) merge(validateNode(data[k], ap as JSONSchema, `${name}.${k}`, ctx));
  }
  for (const [k, ps] of Object.entries(props)) {
    if (Object.hasOwn(data, k)) merge(validateNode(data[k], ps, name ? `${name}.${k}` : k, ctx));
  }
  for (const k of (s.required as string[] | undefined) ?? []) {
    if (!Object.hasOwn(data, k)) out.push({ code: 'required', name: `${name}.${k}`, message: `${name}.${k} in body is required` });
  }
  return out;
}

function validateProps(data: unknown, s: JSONSchema, name: string, ctx: NodeContext): NodeResult {
  const res: NodeResult = { errors: [], matchCount: 0 };
  const run = (list: unknown) => (Array.isArray(list) ? (list as JSONSchema[]).map((sub) => validateNode(data, sub, name, ctx)) : []);
  const best = (results: NodeResult[]) => results.reduce<NodeResult | undefined>((b, r) => (!b || r.matchCount > b.matchCount ? r : b), undefined);
  const anyOf = run(s.anyOf);
  if (anyOf.length > 0) {
    const ok = anyOf.find((r) => r.errors.length === 0);
    if (!ok) res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must validate at least one schema (anyOf)` });
    const pick = ok ?? best(anyOf)!;
    res.errors.push(...pick.errors);
    res.matchCount += pick.matchCount;
  }
  const oneOf = run(s.oneOf);
  if (oneOf.length > 0) {
    const valid = oneOf.filter((r) => r.errors.length === 0);
    if (valid.length !== 1) {
      const extra = valid.length === 0 ? 'Found none valid' : `Found ${valid.length} valid alternatives`;
      res.errors.push({ code: 'composite', name, message: `${goQuote(name)} must validate one and only one schema (oneOf). ${extra}` });
      if (valid.length === 0) res.errors.push(...best(oneOf)!.errors);
    }
  }
  const allOf = run(s.allOf);
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
