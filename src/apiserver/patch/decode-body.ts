/**
 * Decoding PATCH bodies with kube-apiserver's error wording
 * (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go`, default
 * fieldValidation=Warn): JSON and merge patches are strictly decoded first and fail
 * with 400 `error decoding patch: <Go json error>`; a strategic merge patch fails with
 * the bare Go error (`strategicPatchObject`); an apply body is YAML (JSON is YAML) and
 * fails with `error decoding patch: <error>` (`applyPatcher`). JavaScript's JSON errors
 * are translated to the encoding/json texts clients see from kube.
 */
import { parse as parseYaml, type Tags } from 'yaml';
import { badRequest } from '../../api/errors.js';
import type { JsonPatchOperation } from './json-patch.js';
import { isObject, type Json, type JsonObject } from './json-value.js';

function text(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/** encoding/json's wording for a syntax error JSON.parse reported. */
export function goJsonError(src: string, err: Error): string {
  const msg = err.message;
  if (/Unexpected end of JSON input/.test(msg) || src.trim() === '') return 'unexpected end of JSON input';
  const pos = /position (\d+)/.exec(msg);
  const tok = /Unexpected token '?(.)'?/.exec(msg);
  if (pos && Number(pos[1]) >= src.length) return 'unexpected end of JSON input';
  const ch = pos ? src[Number(pos[1])] : tok?.[1];
  const quoted = ch === undefined ? '' : ch === "'" ? "'\\''" : `'${ch}'`;
  if (/after JSON/.test(msg)) return `invalid character ${quoted} after top-level value`;
  if (/Expected (double-quoted )?property name/.test(msg)) return `invalid character ${quoted} looking for beginning of object key string`;
  if (/Expected ':'/.test(msg)) return `invalid character ${quoted} after object key`;
  if (/Expected ',' or '}'/.test(msg)) return `invalid character ${quoted} after object key:value pair`;
  if (/Expected ',' or ']'/.test(msg)) return `invalid character ${quoted} after array element`;
  return `invalid character ${quoted} looking for beginning of value`;
}

function parseJson(body: string | Uint8Array, prefix: string): Json {
  const src = text(body);
  try {
    return JSON.parse(src) as Json;
  } catch (e) {
    throw badRequest(`${prefix}${goJsonError(src, e as Error)}`);
  }
}

function goKind(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return isObject(v) ? 'object' : typeof v;
}

/** Decodes a JSON patch: an array of operation objects. */
export function decodeJsonPatch(body: string | Uint8Array): JsonPatchOperation[] {
  const v = parseJson(body, 'error decoding patch: ');
  const fail = (m: string) => badRequest(`error decoding patch: json: ${m}`);
  if (v === null) return [];
  if (!Array.isArray(v)) throw fail(`cannot unmarshal ${goKind(v)} into Go value of type []handlers.jsonPatchOp`);
  for (const op of v) {
    if (op === null) continue;
    if (!isObject(op)) throw fail(`cannot unmarshal ${goKind(op)} into Go value of type handlers.jsonPatchOp`);
    for (const f of ['op', 'path', 'from'] as const) {
      if (op[f] !== undefined && op[f] !== null && typeof op[f] !== 'string') {
        throw fail(`cannot unmarshal ${goKind(op[f])} into Go struct field jsonPatchOp.${f} of type string`);
      }
    }
  }
  return v.map((op) => (op ?? {}) as JsonPatchOperation);
}

/** Decodes a JSON merge patch (an object, or null which the merge then refuses). */
export function decodeMergePatch(body: string | Uint8Array): Json {
  const v = parseJson(body, 'error decoding patch: ');
  if (v !== null && !isObject(v)) throw badRequest(`error decoding patch: json: cannot unmarshal ${goKind(v)} into Go value of type map[string]interface {}`);
  return v;
}

/** Decodes a strategic merge patch (an object; null patches nothing). */
export function decodeStrategicPatch(body: string | Uint8Array): JsonObject {
  const v = parseJson(body, '');
  if (v === null) return {};
  if (!isObject(v)) throw badRequest(`json: cannot unmarshal ${goKind(v)} into Go value of type map[string]interface {}`);
  return v;
}

// go-yaml keeps timestamps as strings when decoding into interface{}; so do we.
function dropTimestamps(tags: Tags): Tags {
  return tags.filter((t) => t !== 'timestamp' && (typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'));
}

/** Decodes an apply body: YAML 1.1 as sigs.k8s.io/yaml reads it, or JSON. */
export function decodeApplyPatch(body: string | Uint8Array): JsonObject {
  let v: unknown;
  try {
    v = parseYaml(text(body), { version: '1.1', uniqueKeys: true, maxAliasCount: 100, customTags: dropTimestamps });
  } catch (e) {
    throw badRequest(`error decoding patch: yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  if (v === null || v === undefined) return {};
  if (!isObject(v)) throw badRequest(`error decoding patch: json: cannot unmarshal ${goKind(v as Json)} into Go value of type map[string]interface {}`);
  return v;
}
