/**
 * The admission chain: what runs between decoding a write and storing it. Mutating
 * plugins run first, then validating ones, as kube-apiserver orders them. The
 * schema, field managers and kind-specific validation are plugged in as interfaces
 * so the API server's handlers depend only on these contracts.
 */
import type { FieldCause, KubeObject } from '../../api/types.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { UserInfo } from '../authn/user.js';

/** What an admission plugin sees about a request. */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  res: ServedResource;
  namespace?: string;
  name: string;
  subresource?: string;
  user: UserInfo;
  dryRun: boolean;
  /** The object before the change (UPDATE, DELETE). */
  old?: KubeObject;
}

/** One plugin; either hook may be absent. Throw a StatusError to refuse. */
export interface AdmissionPlugin {
  name: string;
  /** Mutates `obj` in place. */
  admit?(attrs: AdmissionAttributes, obj: KubeObject): Promise<void> | void;
  /** Refuses by throwing; must not mutate. */
  validate?(attrs: AdmissionAttributes, obj: KubeObject): Promise<void> | void;
}

/** Schema-driven operations on objects of a kind. */
export interface SchemaOps {
  /** Paths of fields the schema does not declare, as strict decoding prints them. */
  unknownFields(res: ServedResource, obj: KubeObject): string[];
  /** Drops undeclared fields (built-ins and structural CRDs). */
  prune(res: ServedResource, obj: KubeObject): void;
  /** Fills schema defaults in place. */
  applyDefaults(res: ServedResource, obj: KubeObject): void;
  /** Schema and ObjectMeta validation. */
  validate(res: ServedResource, obj: KubeObject, old?: KubeObject): FieldCause[];
}

/** Maintains metadata.managedFields (server-side apply bookkeeping). */
export interface FieldManager {
  /** Records a non-apply write (create, update, patch) by `manager`. */
  update(res: ServedResource, old: KubeObject | undefined, obj: KubeObject, manager: string, subresource?: string): KubeObject;
  /** Server-side apply: merges `applied` into `live` (undefined to create), returning the result or throwing a Conflict. */
  apply(res: ServedResource, live: KubeObject | undefined, applied: KubeObject, manager: string, force: boolean, subresource?: string): KubeObject;
}

/** Runs plugins in order: every admit, then every validate. */
export class AdmissionChain {
  constructor(private readonly plugins: AdmissionPlugin[] = []) {}

  /** Adds a plugin at the end (controllers register their webhooks' equivalents here). */
  register(p: AdmissionPlugin): void {
    this.plugins.push(p);
  }

  /** Runs the chain on a write. */
  async run(attrs: AdmissionAttributes, obj: KubeObject): Promise<void> {
    for (const p of this.plugins) if (p.admit) await p.admit(attrs, obj);
    for (const p of this.plugins) if (p.validate) await p.validate(attrs, obj);
  }
}
