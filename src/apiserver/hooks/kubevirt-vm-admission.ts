/**
 * KubeVirt's VM webhooks for instance types and preferences, as admission plugins
 * (kubevirt/kubevirt `pkg/instancetype/webhooks/vm/{mutator,admitter}.go`): the mutator checks
 * the matchers (a name or `inferFromVolume`; a pinned `revisionName` must change with the
 * name), fills inferred matchers and the machine type (the preference's, else q35); the validator expands the template and refuses
 * conflicts, unknown names and unmet preference requirements with KubeVirt's messages.
 */
import { StatusError } from '../../api/errors.js';
import { DEFAULT_AMD64_MACHINE_TYPE } from '../../api/kubevirt/vm-defaults.js';
import { webhookDenied } from '../../api/kubevirt/webhook-denial.js';
import type { FieldCause, KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { expandVmiSpec, type Matcher } from '../../controllers/virtual-machine/expand.js';
import { IgnorableInferenceError, inferFromVolume, type Lookup } from '../../controllers/virtual-machine/infer.js';
import type { Vm } from '../../controllers/virtual-machine/kubevirt-types.js';
import { resolveMatcher } from '../../controllers/virtual-machine/resolve-specs.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../admission/admission.js';

const MUTATOR = 'virtualmachines-mutator.kubevirt.io';
const VALIDATOR = 'virtualmachine-validator.kubevirt.io';
const KINDS: Record<'pvc' | 'dataVolume' | 'dataSource', ResourceRef> = {
  pvc: { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
  dataVolume: { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true },
  dataSource: { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datasources', namespaced: true },
};

const isVmWrite = (a: AdmissionAttributes) => a.res.group === 'kubevirt.io' && a.res.plural === 'virtualmachines' && !a.subresource && (a.operation === 'CREATE' || a.operation === 'UPDATE');
const missing = (e: { code?: number }) => (e.code === 404 ? undefined : Promise.reject(e));

/** The mutator's checks of one matcher. */
function matcherCauses(what: 'instancetype' | 'preference', m: Matcher | undefined, old: Matcher | undefined): FieldCause[] {
  if (!m) return [];
  const f = `spec.${what}`;
  const out: FieldCause[] = [];
  if (old?.revisionName && old.name !== m.name && old.revisionName === m.revisionName) {
    return [{ reason: 'FieldValueInvalid', field: `${f}.revisionName`, message: 'the Matcher Name has been updated without updating the RevisionName' }];
  }
  if (!m.name && !m.inferFromVolume) out.push({ reason: 'FieldValueNotFound', field: f, message: `Either Name or InferFromVolume should be provided within the ${what} matcher` });
  if (m.inferFromVolume && m.name) out.push({ reason: 'FieldValueNotFound', field: `${f}.name`, message: `Name should not be provided when InferFromVolume is used within the ${what} matcher` });
  if (m.inferFromVolume && m.kind) out.push({ reason: 'FieldValueNotFound', field: `${f}.kind`, message: `Kind should not be provided when InferFromVolume is used within the ${what} matcher` });
  const p = m.inferFromVolumeFailurePolicy;
  if (p !== undefined && p !== 'Ignore' && p !== 'Reject') out.push({ reason: 'FieldValueInvalid', field: `${f}.inferFromVolumeFailurePolicy`, message: `Invalid value '${p}' for InferFromVolumeFailurePolicy` });
  return out;
}

/** The two plugins, reading through `client` (as virt-api does with its own credentials). */
export function kubevirtVmAdmission(client: () => Client): AdmissionPlugin {
  const lookup: Lookup = (kind, ns, name) => client().get(KINDS[kind], ns, name).catch(missing);
  const readStore = { get: (ref: ResourceRef, ns: string | undefined, name: string) => client().get(ref, ns, name).catch(missing), create: async () => undefined };
  return {
    name: 'KubeVirtInstancetypes',
    async admit(attrs, obj) {
      if (!isVmWrite(attrs)) return;
      const vm = obj as Vm;
      const old = attrs.old as Vm | undefined;
      const causes = [...matcherCauses('instancetype', vm.spec?.instancetype, old?.spec?.instancetype), ...matcherCauses('preference', vm.spec?.preference, old?.spec?.preference)];
      if (causes.length) throw webhookDenied(MUTATOR, causes);
      for (const what of ['instancetype', 'preference'] as const) {
        const m = vm.spec[what];
        if (!m?.inferFromVolume) continue;
        const ignore = m.inferFromVolumeFailurePolicy === 'Ignore';
        try {
          const found = await inferFromVolume(vm, m.inferFromVolume, what, lookup);
          vm.spec[what] = { name: found.name, ...(found.kind ? { kind: found.kind } : {}) };
          // An inferred instance type decides the memory, so the template's is dropped (KubeVirt does this under Ignore).
          if (what === 'instancetype' && ignore) delete (vm.spec.template.spec.domain as { memory?: unknown }).memory;
        } catch (e) {
          if (e instanceof IgnorableInferenceError && ignore) delete vm.spec[what];
          else throw new StatusError('BadRequest', `admission webhook "${MUTATOR}" denied the request: ${(e as Error).message}`, {}, 400);
        }
      }
      // The machine type: the preference's preferredMachineType, else the cluster default (vm-mutator setDefaultMachineType).
      const domain = vm.spec.template?.spec?.domain as { machine?: { type?: string } } | undefined;
      if (domain && vm.spec.preference && !domain.machine?.type) {
        const pref = await resolveMatcher(readStore, { ...vm, status: (old ?? vm).status } as Vm, 'preference', { store: false });
        const preferred = ((pref.obj?.spec as { machine?: { preferredMachineType?: string } } | undefined)?.machine?.preferredMachineType);
        domain.machine = { ...(domain.machine ?? {}), type: preferred || DEFAULT_AMD64_MACHINE_TYPE };
      }
    },
    async validate(attrs, obj) {
      const vm = obj as Vm;
      if (!isVmWrite(attrs) || (!vm.spec?.instancetype && !vm.spec?.preference) || !vm.spec.template?.spec?.domain || vm.metadata.deletionTimestamp) return;
      const withStatus = { ...vm, status: (attrs.old as KubeObject | undefined)?.status ?? vm.status } as Vm;
      const it = await resolveMatcher(readStore, withStatus, 'instancetype', { store: false });
      const pref = await resolveMatcher(readStore, withStatus, 'preference', { store: false });
      const e = expandVmiSpec(vm.spec.template.spec, { instancetype: vm.spec.instancetype, preference: vm.spec.preference }, it.obj, pref.obj);
      if ('failures' in e) {
        throw webhookDenied(VALIDATOR, e.failures.map((f) => ({ reason: f.message.startsWith('Failure to find') ? 'FieldValueNotFound' : 'FieldValueInvalid', field: f.field, message: f.message })));
      }
    },
  };
}
