/**
 * The Kubernetes protobuf envelope: the 4-byte magic `k8s\0`, then a `runtime.Unknown`
 * {typeMeta, raw, contentEncoding, contentType} whose `raw` is the typed object
 * (apimachinery `pkg/runtime/serializer/protobuf/protobuf.go`). Decodes the kinds kubectl
 * sends as protobuf into kube's JSON form, and encodes them back.
 */
import protobuf from 'protobufjs';
import type { KubeObject } from '../../api/types.js';
import { StatusError, badRequest } from '../../api/errors.js';
import { KINDS, messageType } from './schema.js';
import { UnknownFieldError, jsonToPlain, messageToJSON } from './convert.js';

/** The media type of Kubernetes protobuf bodies. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** `k8s\0`, the envelope's prefix. */
export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** Whether ove can decode and encode this kind as protobuf. */
export function supportsProtobuf(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in KINDS;
}

/** 415, worded as apiserver's negotiation error (`handlers/negotiation/errors.go`). */
export function unsupportedMediaType(accepted: string[] = ['application/json', 'application/yaml']): StatusError {
  return new StatusError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** 406, worded as apiserver's negotiation error, for an Accept ove cannot produce. */
export function notAcceptable(accepted: string[] = ['application/json', 'application/yaml']): StatusError {
  return new StatusError('NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);
}

/**
 * Decodes a protobuf request body into kube's JSON shape. `defaults` fills a missing
 * apiVersion or kind from the endpoint, as the serializer's `copyKindDefaults` does.
 * Errors: 400 for a malformed body, 415 for a kind ove has no protobuf schema for and for a
 * body carrying a field ove's messages do not know (rather than storing the object without it).
 */
export function decodeProtobufObject(buf: Uint8Array, defaults: { apiVersion?: string; kind?: string } = {}): KubeObject {
  if (buf.length === 0) throw badRequest('empty data');
  if (buf.length < MAGIC.length || MAGIC.some((b, i) => buf[i] !== b)) {
    throw badRequest(`provided data does not appear to be a protobuf message, expected prefix [${[...MAGIC].join(' ')}]`);
  }
  if (buf.length === MAGIC.length) throw badRequest('empty body');
  const unknown = decodeOrBadRequest('Unknown', buf.subarray(MAGIC.length)) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array };
  const apiVersion = unknown.typeMeta?.apiVersion || defaults.apiVersion || '';
  const kind = unknown.typeMeta?.kind || defaults.kind || '';
  if (!kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(unknown.typeMeta ?? {})}'`);
  if (!apiVersion) throw badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(unknown.typeMeta ?? {})}'`);
  const name = KINDS[`${apiVersion}/${kind}`];
  if (!name) throw unsupportedMediaType();
  const type = messageType(name);
  const body = toJSONOr415(type, decodeOrBadRequest(name, unknown.raw ?? new Uint8Array()), `${apiVersion} ${kind}`);
  return { apiVersion, kind, metadata: {}, ...body } as KubeObject;
}

/**
 * Encodes an object of a supported kind into the envelope; 406 for other kinds and for objects
 * carrying a field ove's messages cannot hold (they would be lost on the wire).
 */
export function encodeProtobufObject(obj: KubeObject): Uint8Array {
  const name = KINDS[`${obj.apiVersion}/${obj.kind}`];
  if (!name) throw notAcceptable();
  const type = messageType(name);
  let plain: Record<string, unknown>;
  try {
    plain = jsonToPlain(type, obj, '', ['apiVersion', 'kind']);
  } catch (err) {
    if (err instanceof UnknownFieldError) throw notAcceptable();
    throw err;
  }
  const raw = type.encode(type.fromObject(plain)).finish();
  const unknownType = messageType('Unknown');
  const envelope = unknownType.encode(unknownType.fromObject({ typeMeta: { apiVersion: obj.apiVersion, kind: obj.kind }, raw, contentEncoding: '', contentType: '' })).finish();
  const out = new Uint8Array(MAGIC.length + envelope.length);
  out.set(MAGIC, 0);
  out.set(envelope, MAGIC.length);
  return out;
}

function decodeOrBadRequest(name: string, bytes: Uint8Array): Record<string, unknown> {
  try {
    // Keep unknown fields (protobufjs drops them by default) so toJSONOr415 can refuse them.
    const reader = protobuf.Reader.create(bytes);
    reader.discardUnknown = false;
    return messageType(name).decode(reader) as unknown as Record<string, unknown>;
  } catch (err) {
    // gogo's Unmarshal errors surface as BadRequest through the handler's transformDecodeError.
    throw badRequest(`unable to decode ${name}: ${(err as Error).message}`);
  }
}

function toJSONOr415(type: ReturnType<typeof messageType>, msg: Record<string, unknown>, what: string): Record<string, unknown> {
  try {
    return messageToJSON(type, msg);
  } catch (err) {
    if (!(err instanceof UnknownFieldError)) throw err;
    const where = err.path ? ` at ${err.path}` : '';
    throw new StatusError('UnsupportedMediaType', `the protobuf body of this ${what} carries field ${err.field} of ${err.messageName}${where}, which is not decodable by ove; send the object as application/json or application/yaml instead`);
  }
}
