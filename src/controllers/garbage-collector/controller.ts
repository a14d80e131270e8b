/**
 * The garbage collector: watches every resource, indexes objects by uid and by owner,
 * deletes dependents whose owners are gone, and carries out Orphan and Foreground
 * deletion for owners that carry those finalizers. New kinds (CRDs) are picked up by
 * re-running discovery, as kube's GC does every 30 seconds.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { discoverResources, type DiscoveredResource } from '../../client/discovery.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Manager } from '../../runtime/manager.js';
import { ownerState, planDependent, planOwner, type OwnerState } from './plan.js';

const REDISCOVER_MS = 30_000;

/** Registers the garbage collector with a manager; resolves once the first discovery is done. */
export async function registerGarbageCollector(mgr: Manager): Promise<() => void> {
  const byKind = new Map<string, DiscoveredResource>();
  const dependentsOf = new Map<string, Set<string>>();
  const objects = new Map<string, { res: DiscoveredResource; obj: KubeObject }>();
  const keyByUid = new Map<string, string>();
  const ctl = mgr.controller('garbage-collector', (key) => reconcile(mgr.client, key, objects, byKind, dependentsOf, mgr), 2);

  const itemKey = (res: DiscoveredResource, o: KubeObject) => `${res.group}/${res.plural}/${objectKeyOf(o)}`;
  const index = (res: DiscoveredResource, o: KubeObject, present: boolean) => {
    const key = itemKey(res, o);
    // References dropped since the last version (or by deletion) no longer make this a dependent;
    // their owners, which may be waiting in foreground or orphan deletion, are checked again.
    const now = new Set(present ? (o.metadata.ownerReferences ?? []).map((r) => r.uid) : []);
    for (const r of objects.get(key)?.obj.metadata.ownerReferences ?? []) {
      if (now.has(r.uid)) continue;
      dependentsOf.get(r.uid)?.delete(key);
      const ownerKey = keyByUid.get(r.uid);
      if (ownerKey) ctl.enqueue(ownerKey);
    }
    for (const r of o.metadata.ownerReferences ?? []) {
      let set = dependentsOf.get(r.uid);
      if (!set) dependentsOf.set(r.uid, (set = new Set()));
      if (present) set.add(key);
      else set.delete(key);
    }
    if (present) {
      objects.set(key, { res, obj: o });
      keyByUid.set(o.metadata.uid!, key);
    } else {
      objects.delete(key);
      keyByUid.delete(o.metadata.uid!);
    }
  };
  const onObject = (res: DiscoveredResource, o: KubeObject) => {
    index(res, o, true);
    if (o.metadata.ownerReferences?.length) ctl.enqueue(itemKey(res, o));
    if (o.metadata.deletionTimestamp && o.metadata.finalizers?.some((f) => f === 'orphan' || f === 'foregroundDeletion')) ctl.enqueue(itemKey(res, o));
    for (const d of dependentsOf.get(o.metadata.uid!) ?? []) ctl.enqueue(d);
  };
  const watched = new Set<string>();
  const discover = async () => {
    const resources = await discoverResources(mgr.client);
    for (const r of resources) {
      const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
      byKind.set(`${apiVersion}/${r.kind}`, r);
      const k = `${r.group}/${r.plural}`;
      if (watched.has(k) || !r.verbs.includes('watch') || !r.verbs.includes('delete')) continue;
      watched.add(k);
      mgr.informer(r).on({
        add: (o) => onObject(r, o),
        update: (_, o) => onObject(r, o),
        delete: (o) => {
          index(r, o, false);
          for (const d of dependentsOf.get(o.metadata.uid!) ?? []) ctl.enqueue(d);
        },
      });
    }
  };
  await discover();
  const timer = setInterval(() => void discover().catch((e) => mgr.log('garbage-collector: discovery failed', e)), REDISCOVER_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function reconcile(
  client: Client,
  key: string,
  objects: Map<string, { res: DiscoveredResource; obj: KubeObject }>,
  byKind: Map<string, DiscoveredResource>,
  dependentsOf: Map<string, Set<string>>,
  mgr: Manager,
): Promise<void> {
  const item = objects.get(key);
  if (!item) return;
  const { res, obj } = item;
  const ns = obj.metadata.namespace;
  const dependents = [...(dependentsOf.get(obj.metadata.uid!) ?? [])].map((k) => objects.get(k)).filter((x) => x !== undefined);

  const ownerPlan = planOwner(obj, dependents.map((d) => d.obj));
  if (ownerPlan.kind === 'orphanDependents') {
    for (const d of dependents) {
      const refs = (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== obj.metadata.uid);
      await client.patch(d.res, d.obj.metadata.namespace, d.obj.metadata.name!, 'merge', { metadata: { ownerReferences: refs.length ? refs : null, uid: d.obj.metadata.uid } }).catch(ignoreGone);
    }
  } else if (ownerPlan.kind === 'deleteDependents') {
    for (const d of dependents) {
      if (d.obj.metadata.deletionTimestamp) continue;
      await client.delete(d.res, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: 'Foreground', preconditions: { uid: d.obj.metadata.uid } }).catch(ignoreGone);
    }
  } else if (ownerPlan.kind === 'removeFinalizer') {
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== ownerPlan.finalizer);
    await client.patch(res, ns, obj.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, resourceVersion: obj.metadata.resourceVersion } }).catch(ignoreGone);
    return;
  }

  if (!obj.metadata.ownerReferences?.length) return;
  const states = new Map<string, OwnerState>();
  for (const ref of obj.metadata.ownerReferences) {
    const ownerRes = byKind.get(`${ref.apiVersion}/${ref.kind}`);
    if (!ownerRes) {
      // An owner of a kind the server does not serve cannot be checked; kube leaves such dependents alone.
      states.set(ref.uid, 'solid');
      continue;
    }
    const ownerKey = `${ownerRes.group}/${ownerRes.plural}/${ownerRes.namespaced ? `${ns}/${ref.name}` : ref.name}`;
    let owner = objects.get(ownerKey)?.obj;
    // The informer may lag: confirm absence with a live read before deleting anything.
    if (!owner || owner.metadata.uid !== ref.uid) owner = await client.get(ownerRes, ownerRes.namespaced ? ns : undefined, ref.name).catch(() => undefined);
    states.set(ref.uid, ownerState(ref, owner));
  }
  const plan = planDependent(obj, states);
  if (plan.kind === 'delete') {
    mgr.log(`garbage-collector: deleting ${key} (owners gone), propagation ${plan.propagation}`);
    await client.delete(res, ns, obj.metadata.name!, { propagationPolicy: plan.propagation, preconditions: { uid: obj.metadata.uid } }).catch(ignoreGone);
  } else if (plan.kind === 'removeOwnerRefs') {
    const refs = obj.metadata.ownerReferences.filter((r) => !plan.uids.includes(r.uid));
    await client.patch(res, ns, obj.metadata.name!, 'merge', { metadata: { ownerReferences: refs, resourceVersion: obj.metadata.resourceVersion } }).catch(ignoreGone);
  }
}

function ignoreGone(e: { code?: number }): void {
  if (e.code !== 404 && e.code !== 409) throw e;
}
