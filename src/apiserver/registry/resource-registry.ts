/**
 * The set of kinds the API server serves, indexed every way a request names them:
 * by group/version/plural (URLs), by group/kind (bodies, owner references) and by
 * short name. CRDs add and remove entries at runtime; listeners hear about it.
 */
import { apiVersionOf, type ResourceDef } from '../../api/types.js';

/** A ResourceDef with its derived names filled in. */
export interface ServedResource extends ResourceDef {
  listKind: string;
  verbs: string[];
  subresources: string[];
  apiVersion: string;
  /** True for kinds defined by a CustomResourceDefinition. */
  custom: boolean;
  /** etcd-style key prefix: `/registry/<group|core>/<plural>/`. */
  keyPrefix: string;
}

/** The default verbs of a full CRUD resource. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Group preference order for discovery (kube lists core groups first, then others by name). */
export type RegistryListener = (change: 'added' | 'removed', res: ServedResource) => void;

/** The registry of served resources. */
export class ResourceRegistry {
  private readonly byGVR = new Map<string, ServedResource>();
  private readonly listeners: RegistryListener[] = [];

  constructor(defs: ResourceDef[] = []) {
    for (const d of defs) this.add(d);
  }

  /** Adds (or replaces) a kind; custom marks CRD-defined kinds. */
  add(def: ResourceDef, custom = false): ServedResource {
    const res: ServedResource = {
      ...def,
      listKind: def.listKind ?? `${def.kind}List`,
      verbs: def.verbs ?? ALL_VERBS,
      subresources: def.subresources ?? [],
      apiVersion: apiVersionOf(def),
      custom,
      keyPrefix: `/registry/${def.group || 'core'}/${def.plural}/`,
    };
    const k = gvrKey(def.group, def.version, def.plural);
    const had = this.byGVR.get(k);
    this.byGVR.set(k, res);
    if (had) this.emit('removed', had);
    this.emit('added', res);
    return res;
  }

  /** Removes a kind (a CRD version going away). */
  remove(group: string, version: string, plural: string): void {
    const k = gvrKey(group, version, plural);
    const had = this.byGVR.get(k);
    if (!had) return;
    this.byGVR.delete(k);
    this.emit('removed', had);
  }

  /** Looks up a kind by its URL names. */
  get(group: string, version: string, plural: string): ServedResource | undefined {
    return this.byGVR.get(gvrKey(group, version, plural));
  }

  /** Looks up a kind by apiVersion and kind, as bodies and owner references name it. */
  byKind(apiVersion: string, kind: string): ServedResource | undefined {
    for (const r of this.byGVR.values()) if (r.apiVersion === apiVersion && r.kind === kind) return r;
    return undefined;
  }

  /** All served kinds. */
  all(): ServedResource[] {
    return [...this.byGVR.values()];
  }

  /** Every version of a group/plural (one storage, several versions served). */
  versionsOf(group: string, plural: string): ServedResource[] {
    return this.all().filter((r) => r.group === group && r.plural === plural);
  }

  /** Groups with their versions, in discovery order: core first, then kube groups, then the rest by name. */
  groups(): { group: string; versions: string[] }[] {
    const m = new Map<string, Set<string>>();
    for (const r of this.byGVR.values()) {
      if (!m.has(r.group)) m.set(r.group, new Set());
      m.get(r.group)!.add(r.version);
    }
    return [...m.entries()]
      .sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b))
      .map(([group, vs]) => ({ group, versions: [...vs].sort(compareVersions) }));
  }

  /** Resources of one group/version. */
  resourcesOf(group: string, version: string): ServedResource[] {
    return this.all()
      .filter((r) => r.group === group && r.version === version)
      .sort((a, b) => a.plural.localeCompare(b.plural));
  }

  /** Subscribes to additions and removals. */
  onChange(fn: RegistryListener): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  private emit(change: 'added' | 'removed', res: ServedResource): void {
    for (const l of [...this.listeners]) l(change, res);
  }
}

function gvrKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}

function groupRank(g: string): number {
  if (g === '') return 0;
  if (!g.includes('.') || g.endsWith('.k8s.io')) return 1;
  return 2;
}

/**
 * Kubernetes version priority (`k8s.io/apimachinery/pkg/version.CompareKubeAwareVersionStrings`):
 * GA before beta before alpha, higher numbers first; returns < 0 when a sorts first.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return { kind: 3, major: 0, minor: 0 };
    return { kind: m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2, major: Number(m[1]), minor: Number(m[3] ?? 0) };
  };
  const pa = parse(a);
  const pb = parse(b);
  if (pa.kind !== pb.kind) return pa.kind - pb.kind;
  if (pa.kind === 3) return a.localeCompare(b);
  return pb.major - pa.major || pb.minor - pa.minor;
}
