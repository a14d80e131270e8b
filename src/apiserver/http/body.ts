/**
 * Reading request bodies: the 3 MiB cap kube-apiserver applies (`MaxRequestBodyBytes`,
 * staging/src/k8s.io/apiserver/pkg/server/config.go) and decoding JSON, YAML and the
 * Kubernetes protobuf envelope into objects.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { StatusError, badRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { contentTypeOf } from './negotiate.js';

/** kube-apiserver's request body limit: 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the whole body, refusing more than MAX_BODY_BYTES with 413 as kube words it. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): StatusError {
  return new StatusError('RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** Decodes protobuf bodies; supplied by the server (src/apiserver/protobuf). */
export type ProtobufDecoder = (buf: Uint8Array) => KubeObject;

/** Decodes an object body by Content-Type: JSON, YAML or the protobuf envelope. */
export function decodeObjectBody(buf: Buffer, contentType: string | undefined, protobuf?: ProtobufDecoder): KubeObject {
  const ct = contentTypeOf(contentType);
  let value: unknown;
  if (ct === 'application/json' || ct === '') value = parseJson(buf);
  else if (ct === 'application/yaml') value = parseYamlBody(buf);
  else if (ct === 'application/vnd.kubernetes.protobuf' && protobuf) return protobuf(buf);
  else {
    throw new StatusError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Object 'Kind' is missing in '${buf.toString('utf8').slice(0, 200)}'`);
  }
  return value as KubeObject;
}

/** Parses JSON with kube's error wording for malformed input. */
export function parseJson(buf: Buffer | string): unknown {
  const text = typeof buf === 'string' ? buf : buf.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

/** Parses a YAML body with the converter's error wording. */
export function parseYamlBody(buf: Buffer | string): unknown {
  try {
    return parseYaml(typeof buf === 'string' ? buf : buf.toString('utf8'), { version: '1.1' });
  } catch (e) {
    throw badRequest(`error converting YAML to JSON: yaml: ${(e as Error).message.split('\n')[0]}`);
  }
}
