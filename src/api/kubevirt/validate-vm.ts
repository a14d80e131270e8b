/**
 * KubeVirt's VirtualMachine admission checks (`ValidateVirtualMachineSpec` in
 * kubevirt/kubevirt `pkg/virt-api/webhooks/validating-webhook/admitters/vms-admitter.go`),
 * with the webhook's messages. Missing `template`/`domain` are reported the way the API
 * server's schema check reports them, since that check rejects such a VM first.
 */
import type { FieldCause, KubeObject } from '../types.js';
import { asList, asObj, asStr, cause, child, index, type Json } from './field-path.js';
import { validateVmiSpec } from './validate-vmi-spec.js';
import { RUN_STRATEGIES } from './vm-schema.js';

/** All causes for a VirtualMachine (empty when it is admitted). */
export function validateVirtualMachine(vm: KubeObject): FieldCause[] {
  const spec = asObj(vm.spec) ?? {};
  const template = asObj(spec.template);
  if (!template) return [cause('spec.template', 'Required value', 'FieldValueRequired')];
  const tspec = asObj(template.spec);
  if (!tspec) return [cause('spec.template.spec', 'Required value', 'FieldValueRequired')];
  if (!asObj(tspec.domain)) return [cause('spec.template.spec.domain', 'Required value', 'FieldValueRequired')];
  return [
    ...validateVmiSpec(tspec, 'spec.template.spec'),
    ...validateDataVolumeTemplates(spec),
    ...validateRunStrategy(spec),
  ];
}

/** validateRunStrategy. */
function validateRunStrategy(spec: Json): FieldCause[] {
  const causes: FieldCause[] = [];
  const hasRunning = spec.running !== undefined && spec.running !== null;
  const hasStrategy = spec.runStrategy !== undefined && spec.runStrategy !== null;
  if (hasRunning && hasStrategy) {
    causes.push(cause('spec.running',
      'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead'));
  }
  if (!hasRunning && !hasStrategy) causes.push(cause('spec.running', 'RunStrategy must be specified'));
  if (hasStrategy && !RUN_STRATEGIES.includes(asStr(spec.runStrategy))) {
    causes.push(cause('spec.runStrategy', `Invalid RunStrategy (${String(spec.runStrategy)})`));
  }
  return causes;
}

/** validateDataVolumeTemplate + validateDataVolume (note KubeVirt's singular `dataVolumeTemplate` in paths). */
function validateDataVolumeTemplates(spec: Json): FieldCause[] {
  const causes: FieldCause[] = [];
  const volumes = asList(asObj(asObj(spec.template)?.spec)?.volumes);
  asList(spec.dataVolumeTemplates).forEach((dvt, i) => {
    const field = index('spec.dataVolumeTemplate', i);
    const name = asStr(asObj(dvt.metadata)?.name);
    if (name === '') {
      causes.push(cause(child(field, 'name'),
        `'name' field must not be empty for DataVolumeTemplate entry ${child(field, 'name')}.`, 'FieldValueRequired'));
      return;
    }
    const referenced = volumes.some((v) =>
      asStr(asObj(v.persistentVolumeClaim)?.claimName) === name || asStr(asObj(v.dataVolume)?.name) === name);
    if (!referenced) {
      causes.push(cause(field,
        `DataVolumeTemplate entry ${field} must be referenced in the VMI template's 'volumes' list`, 'FieldValueRequired'));
    }
    causes.push(...validateDataVolumeSpec(asObj(dvt.spec) ?? {}, field));
  });
  return causes;
}

function validateDataVolumeSpec(dv: Json, field: string): FieldCause[] {
  const pvc = asObj(dv.pvc);
  const storage = asObj(dv.storage);
  if (!pvc && !storage) return [cause(child(field, 'PVC', 'Storage'), 'Missing Data volume PVC or Storage')];
  if (pvc && storage) {
    return [cause(child(field, 'PVC', 'Storage'), 'Duplicate storage definition, both target storage and target pvc defined')];
  }
  const target = pvc ?? storage ?? {};
  const external = target.dataSource !== undefined || target.dataSourceRef !== undefined;
  const source = asObj(dv.source);
  if (external && (source || dv.sourceRef !== undefined)) {
    return [cause(child(field, 'source'), 'External population is incompatible with Source and SourceRef')];
  }
  if (!source && dv.sourceRef === undefined) {
    if (external) return [];
    return [cause(child(field, 'source', 'sourceRef'), 'Data volume should have either Source, SourceRef, or be externally populated')];
  }
  if (source) {
    const n = Object.values(source).filter((v) => v !== null && v !== undefined).length;
    if (n === 0) return [cause(child(field, 'source'), 'Missing dataVolume valid source')];
    if (n > 1) return [cause(child(field, 'source'), 'Multiple dataVolume sources')];
  }
  return [];
}
