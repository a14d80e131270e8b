import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.js';
import { validateVirtualMachine } from './validate-vm.js';

/** A VM the webhook admits: EFI with SMM, a pod NIC, a Multus NIC, a DataVolume disk and cloud-init. */
function goodVm(): KubeObject {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm1', namespace: 'ns' },
    spec: {
      runStrategy: 'Always',
      template: {
        spec: {
          domain: {
            resources: { requests: { memory: '2Gi' } },
            firmware: { bootloader: { efi: { secureBoot: true } } },
            features: { smm: {} },
            devices: {
              disks: [{ name: 'root', disk: { bus: 'virtio' } }, { name: 'ci', cdrom: { bus: 'sata' } }],
              interfaces: [{ name: 'default', masquerade: {} }, { name: 'vlan', bridge: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }, { name: 'vlan', multus: { networkName: 'vlan100' } }],
          volumes: [
            { name: 'root', dataVolume: { name: 'vm1-root' } },
            { name: 'ci', cloudInitNoCloud: { userData: '#cloud-config\n' } },
          ],
        },
      },
      dataVolumeTemplates: [{
        metadata: { name: 'vm1-root' },
        spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Gi' } } } },
      }],
    },
  };
}

type Spec = Record<string, any>;
function mutate(fn: (spec: Spec, tspec: Spec) => void): KubeObject {
  const vm = goodVm();
  const spec = vm.spec as Spec;
  fn(spec, spec.template.spec);
  return vm;
}

describe('validateVirtualMachine()', () => {
  it('admits a well-formed VM', () => {
    expect(validateVirtualMachine(goodVm())).toEqual([]);
  });

  it('rejects running together with runStrategy, with KubeVirt\'s message', () => {
    const causes = validateVirtualMachine(mutate((s) => { s.running = true; }));
    expect(causes).toEqual([{
      reason: 'FieldValueInvalid',
      field: 'spec.running',
      message: 'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
    }]);
  });

  it('rejects an unknown run strategy', () => {
    const causes = validateVirtualMachine(mutate((s) => { s.runStrategy = 'Sometimes'; }));
    expect(causes.map((c) => c.message)).toEqual(['Invalid RunStrategy (Sometimes)']);
  });

  it('rejects an unrecognized disk bus on the field of its target', () => {
    const causes = validateVirtualMachine(mutate((_, t) => { t.domain.devices.disks[0].disk.bus = 'floppy'; }));
    expect(causes).toEqual([{
      reason: 'FieldValueInvalid',
      field: 'spec.template.spec.domain.devices.disks[0].disk.bus',
      message: 'spec.template.spec.domain.devices.disks[0] is set with an unrecognized bus floppy, must be one of: [virtio scsi sata usb]',
    }]);
  });

  it('rejects a disk without a volume of the same name', () => {
    const causes = validateVirtualMachine(mutate((_, t) => { t.domain.devices.disks[1].name = 'seed'; }));
    expect(causes.map((c) => c.message)).toEqual(["spec.template.spec.domain.devices.disks[1].name 'seed' not found."]);
  });

  it('rejects Secure Boot without SMM, including the secureBoot default of efi: {}', () => {
    const implicit = mutate((_, t) => { t.domain.firmware.bootloader.efi = {}; delete t.domain.features; });
    const explicit = mutate((_, t) => { t.domain.features.smm = { enabled: false }; });
    const msg = 'spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.';
    expect(validateVirtualMachine(implicit).map((c) => c.message)).toEqual([msg]);
    expect(validateVirtualMachine(explicit).map((c) => c.message)).toEqual([msg]);
    expect(validateVirtualMachine(mutate((_, t) => { t.domain.firmware.bootloader.efi = { secureBoot: false }; delete t.domain.features; })))
      .toEqual([]);
  });

  it('rejects memory requests below 1M', () => {
    const causes = validateVirtualMachine(mutate((_, t) => { t.domain.resources.requests.memory = '512k'; }));
    expect(causes).toEqual([{
      reason: 'FieldValueInvalid',
      field: 'spec.template.spec.domain.resources.requests.memory',
      message: "spec.template.spec.domain.resources.requests.memory '512k': must be greater than or equal to 1M.",
    }]);
  });

  it('rejects masquerade on a Multus network and interfaces without networks', () => {
    const causes = validateVirtualMachine(mutate((_, t) => {
      t.domain.devices.interfaces[1] = { name: 'vlan', masquerade: {} };
      t.domain.devices.interfaces.push({ name: 'ghost', bridge: {} });
    }));
    expect(causes.map((c) => c.message)).toEqual([
      'Masquerade interface only implemented with pod network',
      "spec.template.spec.domain.devices.interfaces[2].name 'ghost' not found.",
    ]);
  });

  it('rejects a DataVolume template no volume uses', () => {
    const causes = validateVirtualMachine(mutate((s) => { s.dataVolumeTemplates[0].metadata.name = 'orphan'; }));
    expect(causes).toEqual([{
      reason: 'FieldValueRequired',
      field: 'spec.dataVolumeTemplate[0]',
      message: "DataVolumeTemplate entry spec.dataVolumeTemplate[0] must be referenced in the VMI template's 'volumes' list",
    }]);
  });

  it('rejects a volume with two sources and cloud-init without data', () => {
    const causes = validateVirtualMachine(mutate((_, t) => {
      t.volumes[1] = { name: 'ci', cloudInitNoCloud: {}, containerDisk: { image: 'x' } };
    }));
    expect(causes.map((c) => c.message)).toEqual([
      'spec.template.spec.volumes[1] must have exactly one source type set',
      'spec.template.spec.volumes[1].cloudInitNoCloud must have at least one userdatasource or one networkdatasource set.',
    ]);
  });

  it('reports a template without domain as the schema does', () => {
    const causes = validateVirtualMachine(mutate((_, t) => { delete t.domain; }));
    expect(causes).toEqual([{ reason: 'FieldValueRequired', field: 'spec.template.spec.domain', message: 'Required value' }]);
  });
});
