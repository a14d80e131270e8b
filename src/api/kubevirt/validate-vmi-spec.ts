/**
 * KubeVirt's `ValidateVirtualMachineInstanceSpec` (the part the VM and VMI webhooks share),
 * for the rules the platform enforces, with the webhook's messages
 * (kubevirt/kubevirt `pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go`).
 */
import type { FieldCause } from '../types.js';
import { asList, asObj, asStr, cause, child, index, type Json } from './field-path.js';
import { quantityValue } from './parse-quantity.js';
import { validateDisks, validateNetworks } from './validate-devices.js';

const VOLUME_SOURCES = [
  'persistentVolumeClaim', 'sysprep', 'cloudInitNoCloud', 'cloudInitConfigDrive', 'containerDisk', 'ephemeral',
  'emptyDisk', 'hostDisk', 'dataVolume', 'configMap', 'secret', 'downwardAPI', 'serviceAccount',
  'downwardMetrics', 'memoryDump',
];

/** The webhook's checks on a VMI spec at `base` (`spec` for a VMI, `spec.template.spec` for a VM). */
export function validateVmiSpec(spec: Json, base: string): FieldCause[] {
  return [
    ...validateMemory(spec, base),
    ...validateNetworks(spec, base),
    ...validateDisks(spec, base),
    ...validateDomain(asObj(spec.domain) ?? {}, child(base, 'domain')),
    ...validateVolumes(spec, base),
  ];
}

/** validateMemoryRequestsNegativeOrNull: requests.memory must be >= 0, and >= 1M when set. */
function validateMemory(spec: Json, base: string): FieldCause[] {
  const field = child(base, 'domain', 'resources', 'requests', 'memory');
  const raw = asObj(asObj(asObj(spec.domain)?.resources)?.requests)?.memory;
  if (raw === undefined) return [];
  const v = quantityValue(raw);
  if (v === undefined) return [];
  if (v < 0) return [cause(field, `${field} '${String(raw)}': must be greater than or equal to 0.`)];
  if (v > 0 && v < 1e6) return [cause(field, `${field} '${String(raw)}': must be greater than or equal to 1M.`)];
  return [];
}

/** validateDomainSpec: bootloader exclusivity and Secure Boot needing SMM. */
function validateDomain(domain: Json, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const bootloader = asObj(asObj(domain.firmware)?.bootloader);
  if (bootloader?.efi !== undefined && bootloader?.bios !== undefined) {
    const f = child(field, 'firmware', 'bootloader');
    causes.push(cause(f, `${f} has both EFI and BIOS configured, but they are mutually exclusive.`));
  }
  const efi = asObj(bootloader?.efi);
  // EFI.SecureBoot defaults to true ("Defaults to true", schema.go), so `efi: {}` asks for Secure Boot.
  const secureBoot = efi !== undefined && efi.secureBoot !== false;
  const smm = asObj(asObj(domain.features)?.smm);
  const smmEnabled = smm !== undefined && smm.enabled !== false;
  if (secureBoot && !smmEnabled) {
    causes.push(cause(field, `${field} has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.`));
  }
  return causes;
}

/** validateVolumes: unique names, exactly one source, cloud-init has data, a DataVolume has a name. */
function validateVolumes(spec: Json, base: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const path = child(base, 'volumes');
  const firstIndex = new Map<string, number>();
  asList(spec.volumes).forEach((vol, i) => {
    const name = asStr(vol.name);
    const other = firstIndex.get(name);
    if (other !== undefined) {
      causes.push(cause(child(index(path, i), 'name'), `${index(path, i)} and ${index(path, other)} must not have the same Name.`));
    } else firstIndex.set(name, i);
    const sources = VOLUME_SOURCES.filter((s) => vol[s] !== undefined && vol[s] !== null);
    if (sources.length !== 1) causes.push(cause(index(path, i), `${index(path, i)} must have exactly one source type set`));
    for (const kind of ['cloudInitNoCloud', 'cloudInitConfigDrive']) {
      const ci = asObj(vol[kind]);
      if (ci) causes.push(...validateCloudInit(ci, child(index(path, i), kind)));
    }
    const dv = asObj(vol.dataVolume);
    if (dv && asStr(dv.name) === '') {
      causes.push(cause(child(index(path, i), 'name'), "DataVolume 'name' must be set", 'FieldValueRequired'));
    }
  });
  return causes;
}

function validateCloudInit(ci: Json, field: string): FieldCause[] {
  const userSources = [asStr(asObj(ci.secretRef)?.name), asStr(ci.userDataBase64), asStr(ci.userData)].filter((s) => s !== '');
  const netSources = [asStr(asObj(ci.networkDataSecretRef)?.name), asStr(ci.networkDataBase64), asStr(ci.networkData)]
    .filter((s) => s !== '');
  const causes: FieldCause[] = [];
  if (userSources.length > 1) causes.push(cause(field, `${field} must have only one userdatasource set.`));
  if (netSources.length > 1) causes.push(cause(field, `${field} must have only one networkdata source set.`));
  if (userSources.length === 0 && netSources.length === 0) {
    causes.push(cause(field, `${field} must have at least one userdatasource or one networkdatasource set.`));
  }
  return causes;
}

/** ValidateVirtualMachineInstanceMandatoryFields (VMI create only): some memory must be asked for. */
export function validateVmiMandatory(spec: Json, base: string): FieldCause[] {
  const domain = asObj(spec.domain) ?? {};
  const memory = asObj(domain.memory);
  const requests = asObj(asObj(domain.resources)?.requests);
  const limits = asObj(asObj(domain.resources)?.limits);
  if (memory?.guest !== undefined || asObj(memory?.hugepages)?.pageSize !== undefined) return [];
  if (requests?.memory !== undefined || limits?.memory !== undefined) return [];
  const field = child(base, 'domain', 'resources', 'requests', 'memory');
  return [cause(field,
    `no memory requested, at least one of '${child(base, 'domain', 'memory', 'guest')}', ` +
    `'${child(base, 'domain', 'memory', 'hugepages', 'size')}' or '${field}' must be set`, 'FieldValueRequired')];
}
