/**
 * `inferFromVolume`: KubeVirt's VM mutator fills an instance type or preference matcher from
 * the default labels on the named volume's PVC, DataVolume (or its template's `source.pvc` /
 * `sourceRef` DataSource) or DataSource (kubevirt/kubevirt `pkg/instancetype/infer`, labels
 * `instancetype.kubevirt.io/default-{instancetype,preference}[-kind]`). With the
 * `Ignore` failure policy an ignorable failure clears the matcher instead of refusing the VM.
 */
import type { KubeObject } from '../../api/types.js';
import type { Vm } from './kubevirt-types.js';

/** Reads an object (undefined when missing). */
export type Lookup = (kind: 'pvc' | 'dataVolume' | 'dataSource', namespace: string, name: string) => Promise<KubeObject | undefined>;

/** An inference failure the `Ignore` policy may swallow. */
export class IgnorableInferenceError extends Error {}

type Source = { pvc?: { name: string; namespace?: string }; sourceRef?: { kind?: string; name: string; namespace?: string }; source?: { pvc?: { name: string; namespace?: string } } };

async function fromLabels(obj: KubeObject | undefined, label: string, notFound: string): Promise<{ name: string; kind?: string }> {
  if (!obj) throw new Error(notFound);
  const labels = obj.metadata.labels ?? {};
  if (labels[label] === undefined) throw new IgnorableInferenceError(`unable to find required ${label} label on the volume`);
  return { name: labels[label], kind: labels[`${label}-kind`] };
}

/** The default name (and kind) the volume's labels give for `what`. */
export async function inferFromVolume(vm: Vm, volumeName: string, what: 'instancetype' | 'preference', get: Lookup): Promise<{ name: string; kind?: string }> {
  const ns = vm.metadata.namespace!;
  const label = `instancetype.kubevirt.io/default-${what}`;
  const pvc = async (name: string, n = ns) => fromLabels(await get('pvc', n, name), label, `persistentvolumeclaims "${name}" not found`);
  const fromSpec = async (spec: Source): Promise<{ name: string; kind?: string }> => {
    if (spec.source?.pvc) return pvc(spec.source.pvc.name, spec.source.pvc.namespace ?? ns);
    if (spec.sourceRef) {
      if (spec.sourceRef.kind !== 'DataSource') throw new IgnorableInferenceError(`unable to infer defaults from DataVolumeSourceRef as Kind ${spec.sourceRef.kind} is not supported`);
      const dsNs = spec.sourceRef.namespace ?? ns;
      const ds = await get('dataSource', dsNs, spec.sourceRef.name);
      if (!ds) throw new Error(`datasources.cdi.kubevirt.io "${spec.sourceRef.name}" not found`);
      try {
        return await fromLabels(ds, label, '');
      } catch (e) {
        const src = (ds.spec as Source | undefined)?.source?.pvc;
        if (!(e instanceof IgnorableInferenceError)) throw e;
        if (src) return pvc(src.name, src.namespace ?? dsNs);
        throw new IgnorableInferenceError("unable to infer defaults from DataSource that doesn't provide DataVolumeSourcePVC");
      }
    }
    throw new IgnorableInferenceError('unable to infer defaults from DataVolumeSpec as DataVolumeSource is not supported');
  };
  const volume = (vm.spec.template?.spec?.volumes ?? []).find((v) => v.name === volumeName);
  if (!volume) throw new Error(`unable to find volume ${volumeName} to infer defaults`);
  if (volume.persistentVolumeClaim) return pvc(volume.persistentVolumeClaim.claimName);
  if (!volume.dataVolume) throw new IgnorableInferenceError(`unable to infer defaults from volume ${volumeName} as type is not supported`);
  const dvName = volume.dataVolume.name;
  const template = (vm.spec.dataVolumeTemplates ?? []).find((t) => t.metadata?.name === dvName);
  if (template) return fromSpec(template.spec as Source);
  const dv = await get('dataVolume', ns, dvName);
  // A garbage-collected DataVolume leaves its PVC under the same name.
  if (!dv) return pvc(dvName);
  try {
    return await fromLabels(dv, label, '');
  } catch (e) {
    if (!(e instanceof IgnorableInferenceError)) throw e;
    return fromSpec(dv.spec as Source);
  }
}
