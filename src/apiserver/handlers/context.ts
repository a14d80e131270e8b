/**
 * What every REST handler receives: the server's dependencies and the parsed request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../lib/clock.js';
import type { AdmissionChain, FieldManager, SchemaOps } from '../admission/admission.js';
import type { UserInfo } from '../authn/user.js';
import type { ProtobufDecoder } from '../http/body.js';
import type { RequestInfo } from '../http/request-info.js';
import type { ObjectStore } from '../registry/object-store.js';
import type { ResourceRegistry, ServedResource } from '../registry/resource-registry.js';
import type { CacheHub } from '../storage/cache-hub.js';

/** The server-wide dependencies of handlers. */
export interface ApiDeps {
  registry: ResourceRegistry;
  store: ObjectStore;
  hub: CacheHub;
  clock: Clock;
  admission: AdmissionChain;
  schema: SchemaOps;
  fields: FieldManager;
  protobuf?: ProtobufDecoder;
  /** Generates object UIDs (injectable for deterministic tests). */
  newUid(): string;
}

/** One resource request. */
export interface RestRequest {
  method: string;
  info: RequestInfo;
  res: ServedResource;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  user: UserInfo;
  body?: Buffer;
}

/** A handler's answer: a status code and a body (an object, or JSON text already serialized). */
export interface RestResponse {
  code: number;
  body: unknown;
  /** Set when `body` is pre-serialized JSON text. */
  raw?: boolean;
  /** Content-Type of a raw body other than JSON (e.g. application/yaml). */
  contentType?: string;
  warnings?: string[];
}
