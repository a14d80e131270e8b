/**
 * The scalar checks of kube-openapi's schema validator (`kube-openapi/pkg/validation/validate/validator.go`
 * stringValidator/numberValidator, `values.go`, `formats.go`) with the messages of
 * `kube-openapi/pkg/validation/errors/schema.go`. Each returns raw validation errors; `schema-validator.ts`
 * turns them into field errors as `apiextensions-apiserver/pkg/apiserver/validation/validation.go` does.
 */
import type { JSONSchema } from '../types.js';
import { formatCheck } from './formats.js';
import { goFloat, goNumber, goQuote } from './go-format.js';

/** A kube-openapi validation error before conversion to a field error. */
export interface RawError {
  code: 'type' | 'required' | 'tooLong' | 'tooShort' | 'pattern' | 'enum' | 'multipleOf' | 'max' | 'min' | 'unique' | 'maxItems' | 'minItems' | 'tooFewProps' | 'tooManyProps' | 'notAllowed' | 'composite';
  /** The validator path (`spec.replicas`; `.x` for root-level children, as kube-openapi builds it). */
  name: string;
  message: string;
  value?: unknown;
  /** The limit (maxLength, maxItems, maxProperties). */
  valid?: number;
  /** Allowed values (enum). */
  values?: unknown[];
}

/** `%s in body must be of type %s: %q` (InvalidType with a string value). */
export function invalidType(name: string, typeName: string, value: string): RawError {
  return { code: 'type', name, message: `${name} in body must be of type ${typeName}: ${goQuote(value)}`, value };
}

const regexCache = new Map<string, RegExp | Error>();

function compile(pattern: string): RegExp | Error {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, 'u');
    } catch (err) {
      re = err as Error;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** maxLength, minLength, pattern: the first failure only (stringValidator returns early). */
export function checkString(s: JSONSchema, name: string, data: string): RawError[] {
  const hasMax = typeof s.maxLength === 'number';
  const hasMin = typeof s.minLength === 'number';
  // Counting code points walks the string: only when a length bound is declared.
  const runes = hasMax || hasMin ? codePoints(data) : 0;
  if (hasMax && runes > (s.maxLength as number)) {
    return [{ code: 'tooLong', name, message: `${name} in body should be at most ${s.maxLength} chars long`, value: data, valid: s.maxLength as number }];
  }
  if (hasMin && runes < (s.minLength as number)) {
    return [{ code: 'tooShort', name, message: `${name} in body should be at least ${s.minLength} chars long`, value: data }];
  }
  if (typeof s.pattern === 'string' && s.pattern !== '') {
    const re = compile(s.pattern);
    if (re instanceof Error) {
      return [{ code: 'pattern', name, message: `${name} in body should match '${s.pattern}, but pattern is invalid: ${re.message}'`, value: data }];
    }
    if (!re.test(data)) return [{ code: 'pattern', name, message: `${name} in body should match '${s.pattern}'`, value: data }];
  }
  return [];
}

/** `[...data].length` without building the array: surrogate pairs count once, lone surrogates once each. */
function codePoints(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++, n++) {
    const c = data.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < data.length) {
      const d = data.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** A known string format that the value does not satisfy: `must be of type <format>: "<value>"`. */
export function checkFormat(s: JSONSchema, name: string, data: string): RawError[] {
  if (typeof s.format !== 'string' || s.format === '') return [];
  const check = formatCheck(s.format);
  if (!check || check(data)) return [];
  return [invalidType(name, s.format, data)];
}

// swag.IsFloat64AJSONInteger: integral within a relative epsilon of 1e-9.
function isJSONInteger(f: number): boolean {
  if (!Number.isFinite(f)) return false;
  if (Number.isInteger(f)) return true;
  const g = Math.trunc(f);
  return Math.abs(f - g) / (Math.abs(f) + Math.abs(g)) < 1e-9;
}

/** multipleOf, minimum, maximum, in that order; integers use the int64 comparisons (bounds truncated). */
export function checkNumber(s: JSONSchema, name: string, data: number): RawError[] {
  const out: RawError[] = [];
  const isInt = Number.isInteger(data);
  const bound = (b: number) => (isInt ? goNumber(Math.trunc(b)) : goFloat(b));
  if (typeof s.multipleOf === 'number') {
    const f = s.multipleOf;
    if (f < 0) out.push({ code: 'multipleOf', name, message: `factor MultipleOf declared for ${name} must be positive: ${bound(f)}`, value: f });
    else if (isInt ? data % Math.trunc(f) !== 0 : !isJSONInteger(f < 1 ? (1 / f) * data : data / f)) {
      out.push({ code: 'multipleOf', name, message: `${name} in body should be a multiple of ${bound(f)}`, value: data });
    }
  }
  if (typeof s.minimum === 'number') {
    const min = isInt ? Math.trunc(s.minimum) : s.minimum;
    const excl = s.exclusiveMinimum === true;
    if (excl ? data <= min : data < min) {
      out.push({ code: 'min', name, message: `${name} in body should be greater than${excl ? '' : ' or equal to'} ${bound(s.minimum)}`, value: data });
    }
  }
  if (typeof s.maximum === 'number') {
    const max = isInt ? Math.trunc(s.maximum) : s.maximum;
    const excl = s.exclusiveMaximum === true;
    if (excl ? data >= max : data > max) {
      out.push({ code: 'max', name, message: `${name} in body should be less than${excl ? '' : ' or equal to'} ${bound(s.maximum)}`, value: data });
    }
  }
  return out;
}
