/**
 * Typed object operations over the byte-level backend: keys, encoding, resourceVersion
 * preconditions, and the mapping of backend errors to Kubernetes Status errors (done
 * once, here). `guaranteedUpdate` is the read-modify-write loop kube's storage uses.
 */
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  TooLargeError,
  type Backend,
} from '../../storage/backend.js';
import { StatusError, alreadyExists, conflict, notFound } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { decodeObject, encodeObject, objectKey } from '../storage/codec.js';
import type { ServedResource } from './resource-registry.js';

/** Thrown by a guaranteedUpdate callback to leave the object as it is. */
export class NoChange extends Error {
  constructor(readonly current: KubeObject) {
    super('no change');
  }
}

/** Typed access to stored objects. */
export class ObjectStore {
  constructor(private readonly backend: Backend) {}

  /** Reads one object; 404 when absent. */
  async get(res: ServedResource, namespace: string | undefined, name: string): Promise<KubeObject> {
    const kv = await this.backend.get(objectKey(res.keyPrefix, ns(res, namespace), name));
    if (!kv) throw notFound(res.group, res.plural, name);
    return decodeObject(kv.value, kv.modRevision);
  }

  /** Reads one object or undefined. */
  async tryGet(res: ServedResource, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    const kv = await this.backend.get(objectKey(res.keyPrefix, ns(res, namespace), name));
    return kv ? decodeObject(kv.value, kv.modRevision) : undefined;
  }

  /** Stores a new object; 409 AlreadyExists when the name is taken. */
  async create(res: ServedResource, obj: KubeObject): Promise<KubeObject> {
    const key = objectKey(res.keyPrefix, ns(res, obj.metadata.namespace), obj.metadata.name!);
    try {
      const kv = await this.backend.create(key, encodeObject(obj));
      return withRv(obj, kv.modRevision);
    } catch (e) {
      if (e instanceof KeyExistsError) throw alreadyExists(res.group, res.plural, obj.metadata.name!);
      throw mapStorageError(e);
    }
  }

  /** Replaces an object if it is still at `expectedRv`; 409 Conflict otherwise. */
  async update(res: ServedResource, obj: KubeObject, expectedRv: number): Promise<KubeObject> {
    const name = obj.metadata.name!;
    const key = objectKey(res.keyPrefix, ns(res, obj.metadata.namespace), name);
    try {
      const kv = await this.backend.update(key, encodeObject(obj), expectedRv);
      return withRv(obj, kv.modRevision);
    } catch (e) {
      if (e instanceof ConflictError) throw conflict(res.group, res.plural, name);
      if (e instanceof KeyNotFoundError) throw notFound(res.group, res.plural, name);
      throw mapStorageError(e);
    }
  }

  /** Removes an object (guarded by `expectedRv` when given); returns its last state. */
  async delete(res: ServedResource, namespace: string | undefined, name: string, expectedRv?: number): Promise<KubeObject> {
    const key = objectKey(res.keyPrefix, ns(res, namespace), name);
    try {
      const kv = await this.backend.delete(key, expectedRv);
      return decodeObject(kv.value, kv.modRevision);
    } catch (e) {
      if (e instanceof ConflictError) throw conflict(res.group, res.plural, name);
      if (e instanceof KeyNotFoundError) throw notFound(res.group, res.plural, name);
      throw mapStorageError(e);
    }
  }

  /**
   * Read-modify-write: calls `fn` with the current object and stores its result,
   * retrying from a fresh read when another writer got there first. `fn` throws
   * NoChange to keep the object as is.
   */
  async guaranteedUpdate(
    res: ServedResource,
    namespace: string | undefined,
    name: string,
    fn: (current: KubeObject) => KubeObject | Promise<KubeObject>,
    attempts = 16,
  ): Promise<KubeObject> {
    for (let i = 0; ; i++) {
      const current = await this.get(res, namespace, name);
      let next: KubeObject;
      try {
        next = await fn(structuredClone(current));
      } catch (e) {
        if (e instanceof NoChange) return e.current;
        throw e;
      }
      try {
        return await this.update(res, next, Number(current.metadata.resourceVersion));
      } catch (e) {
        // Only a lost race is retried; a precondition the caller set is its own business.
        if (!(e instanceof StatusError && e.reason === 'Conflict') || i >= attempts - 1) throw e;
      }
    }
  }
}

function ns(res: ServedResource, namespace: string | undefined): string | undefined {
  return res.namespaced ? namespace : undefined;
}

function withRv(obj: KubeObject, rv: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
}

/** Maps errors of the storage layer that are not about one key's state. */
export function mapStorageError(e: unknown): unknown {
  if (e instanceof TooLargeError) return new StatusError('RequestEntityTooLarge', `Request entity too large: etcdserver: request is too large`);
  return e;
}
