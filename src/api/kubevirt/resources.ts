/**
 * The kubevirt.io/v1 kinds, with names, short names, subresources and printer columns
 * as kubevirt/kubevirt `pkg/virt-operator/resource/generate/components/crds.go` declares them.
 */
import type { KubeObject, ResourceDef } from '../types.js';
import { conditions, labelSelector } from './core-schemas.js';
import { col, crd } from './crd-def.js';
import { domainSchema } from './domain-schema.js';
import { kubevirtSpecSchema, kubevirtStatusSchema } from './kubevirt-cr-schema.js';
import { arr, bool, int32, map, obj, str, time } from './schema-kit.js';
import { validateVirtualMachine } from './validate-vm.js';
import { validateVmiMandatory, validateVmiSpec } from './validate-vmi-spec.js';
import { admitThroughWebhook } from './webhook-denial.js';
import { defaultVirtualMachine } from './vm-defaults.js';
import { vmSpecSchema, vmStatusSchema } from './vm-schema.js';
import { migrationStateSchema, vmiSpecSchema, vmiStatusSchema, vmiTemplateSchema } from './vmi-schema.js';

const G = 'kubevirt.io';
const V = 'v1';
const AGE = col('Age', 'date', '.metadata.creationTimestamp');
const PHASE = col('Phase', 'string', '.status.phase');
const READY = col('Ready', 'string', ".status.conditions[?(@.type=='Ready')].status");

/** VirtualMachine (vm). */
export const virtualMachineDef: ResourceDef = crd({
  group: G, version: V, kind: 'VirtualMachine', plural: 'virtualmachines', namespaced: true,
  shortNames: ['vm', 'vms'], categories: ['all'], subresources: ['status'],
  spec: vmSpecSchema, status: vmStatusSchema, required: ['spec'],
  columns: [AGE, col('Status', 'string', '.status.printableStatus', 0, 'Human Readable Status'), READY],
  validate: (vm, ctx) =>
    ctx.operation === 'DELETE' || ctx.subresource ? [] : admitThroughWebhook('virtualmachine-validator.kubevirt.io', validateVirtualMachine(vm)),
  defaults: (vm, ctx) => {
    if (!ctx.subresource) defaultVirtualMachine(vm);
  },
});

/** VirtualMachineInstance (vmi). The real CRD has no status subresource: virt-handler writes the whole object. */
export const virtualMachineInstanceDef: ResourceDef = crd({
  group: G, version: V, kind: 'VirtualMachineInstance', plural: 'virtualmachineinstances', namespaced: true,
  shortNames: ['vmi', 'vmis'], categories: ['all'],
  spec: vmiSpecSchema, status: vmiStatusSchema, required: ['spec'],
  columns: [
    AGE, PHASE,
    col('IP', 'string', '.status.interfaces[0].ipAddress'),
    col('NodeName', 'string', '.status.nodeName'),
    READY,
    col('Live-Migratable', 'string', ".status.conditions[?(@.type=='LiveMigratable')].status", 1),
    col('Paused', 'string', ".status.conditions[?(@.type=='Paused')].status", 1),
  ],
  nonSpecFields: ['metadata'],
  tracksGeneration: true,
  validate: (vmi: KubeObject, ctx) => {
    if (ctx.operation !== 'CREATE') return [];
    const spec = (vmi.spec ?? {}) as Record<string, unknown>;
    if (!spec.domain) return [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.domain' }];
    return admitThroughWebhook('virtualmachineinstances-create-validator.kubevirt.io', [...validateVmiSpec(spec, 'spec'), ...validateVmiMandatory(spec, 'spec')]);
  },
});

/** VirtualMachineInstanceMigration (vmim). */
export const virtualMachineInstanceMigrationDef: ResourceDef = crd({
  group: G, version: V, kind: 'VirtualMachineInstanceMigration', plural: 'virtualmachineinstancemigrations',
  namespaced: true, shortNames: ['vmim', 'vmims'], categories: ['all'], subresources: ['status'],
  spec: obj({
    vmiName: str(),
    addedNodeSelector: map(),
    sendTo: obj({ migrationID: str(), connectURL: str() }),
    receive: obj({ migrationID: str() }),
    priority: str(),
  }),
  status: obj({
    phase: str(),
    conditions: conditions(),
    phaseTransitionTimestamps: arr(obj({ phase: str(), phaseTransitionTimestamp: time() })),
    migrationState: migrationStateSchema,
    synchronizationAddresses: arr(str()),
  }),
  required: ['spec'],
  columns: [
    col('Phase', 'string', '.status.phase', 0, 'The current phase of VM instance migration'),
    col('VMI', 'string', '.spec.vmiName', 0, 'The name of the VMI to perform the migration on'),
  ],
});

/** VirtualMachineInstanceReplicaSet (vmirs), with the scale subresource. */
export const virtualMachineInstanceReplicaSetDef: ResourceDef = crd({
  group: G, version: V, kind: 'VirtualMachineInstanceReplicaSet', plural: 'virtualmachineinstancereplicasets',
  namespaced: true, shortNames: ['vmirs', 'vmirss'], categories: ['all'], subresources: ['status', 'scale'],
  spec: obj({ replicas: int32(), selector: labelSelector(), template: vmiTemplateSchema, paused: bool() }, ['selector', 'template']),
  status: obj({ replicas: int32(), readyReplicas: int32(), conditions: conditions(), labelSelector: str() }),
  required: ['spec'],
  columns: [
    col('Desired', 'integer', '.spec.replicas', 0, 'Number of desired VirtualMachineInstances'),
    col('Current', 'integer', '.status.replicas', 0, 'Number of managed and not final or deleted VirtualMachineInstances'),
    col('Ready', 'integer', '.status.readyReplicas', 0, 'Number of managed VirtualMachineInstances which are ready to receive traffic'),
    AGE,
  ],
});

/** VirtualMachineInstancePreset (deprecated upstream, still served). */
export const virtualMachineInstancePresetDef: ResourceDef = crd({
  group: G, version: V, kind: 'VirtualMachineInstancePreset', plural: 'virtualmachineinstancepresets',
  namespaced: true, shortNames: ['vmipreset', 'vmipresets'], categories: ['all'],
  spec: obj({ selector: labelSelector(), domain: domainSchema }, ['selector']),
});

/** KubeVirt (kv), the operator CR. */
export const kubeVirtDef: ResourceDef = crd({
  group: G, version: V, kind: 'KubeVirt', plural: 'kubevirts', namespaced: true,
  shortNames: ['kv', 'kvs'], categories: ['all'], subresources: ['status'],
  spec: kubevirtSpecSchema, status: kubevirtStatusSchema, required: ['spec'],
  columns: [AGE, PHASE],
});

/** Every kubevirt.io/v1 kind. */
export const kubevirtResources: ResourceDef[] = [
  virtualMachineDef,
  virtualMachineInstanceDef,
  virtualMachineInstanceMigrationDef,
  virtualMachineInstanceReplicaSetDef,
  virtualMachineInstancePresetDef,
  kubeVirtDef,
];
