/**
 * kubevirt.io/v1 DomainSpec: CPU, memory, machine, firmware, clock, features.
 * Field names and types from kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/schema.go`.
 */
import type { JSONSchema } from '../types.js';
import { devicesSchema } from './devices-schema.js';
import { arr, bool, empty, free, int, int32, obj, oneOf, quantity, resourceList, str } from './schema-kit.js';

/** FeatureState `{enabled}` (an empty `{}` means enabled). */
export function featureState(): JSONSchema {
  return obj({ enabled: bool() });
}

const cpu = obj({
  cores: int32(), sockets: int32(), maxSockets: int32(), threads: int32(),
  model: str(),
  features: arr(obj({ name: str(), policy: str() }, ['name'])),
  dedicatedCpuPlacement: bool(),
  numa: obj({ guestMappingPassthrough: empty() }),
  isolateEmulatorThread: bool(),
  realtime: obj({ mask: str() }),
});

const memory = obj({
  hugepages: obj({ pageSize: str() }),
  guest: quantity(),
  maxGuest: quantity(),
});

const firmware = obj({
  uuid: str(),
  bootloader: obj({
    bios: obj({ useSerial: bool() }),
    efi: obj({ secureBoot: bool(), persistent: bool() }),
  }),
  serial: str(),
  kernelBoot: obj({
    kernelArgs: str(),
    container: obj(
      { image: str(), imagePullSecret: str(), imagePullPolicy: str(), kernelPath: str(), initrdPath: str() },
      ['image'],
    ),
  }),
  acpi: obj({ slicNameRef: str(), msdmNameRef: str() }),
});

const present = () => ({ present: bool() });

/** Clock carries `+kubebuilder:pruning:PreserveUnknownFields` in schema.go, so the CRD keeps unknown keys. */
const clock = free({
  utc: obj({ offsetSeconds: int() }),
  timezone: str(),
  timer: obj({
    hpet: obj({ tickPolicy: str(), ...present() }),
    kvm: obj(present()),
    pit: obj({ tickPolicy: str(), ...present() }),
    rtc: obj({ tickPolicy: str(), ...present(), track: str() }),
    hyperv: obj(present()),
  }),
});

/** FeatureHyperv. The synthetic timers are `synictimer` (libvirt calls them `stimer`). */
const hyperv = obj({
  relaxed: featureState(),
  vapic: featureState(),
  spinlocks: obj({ enabled: bool(), spinlocks: int32() }),
  vpindex: featureState(),
  runtime: featureState(),
  synic: featureState(),
  synictimer: obj({ enabled: bool(), direct: featureState() }),
  reset: featureState(),
  vendorid: obj({ enabled: bool(), vendorid: str() }),
  frequencies: featureState(),
  reenlightenment: featureState(),
  tlbflush: obj({ enabled: bool(), direct: featureState(), extended: featureState() }),
  ipi: featureState(),
  evmcs: featureState(),
});

const features = obj({
  acpi: featureState(),
  apic: obj({ enabled: bool(), endOfInterrupt: bool() }),
  hypervPassthrough: obj({ enabled: bool() }),
  hyperv,
  smm: featureState(),
  kvm: obj({ hidden: bool() }),
  pvspinlock: featureState(),
});

const launchSecurity = obj({
  sev: obj({
    policy: obj({ encryptedState: bool() }),
    attestation: empty(),
    session: str(),
    dhCert: str(),
  }),
  snp: obj({
    policy: str(), vcek: str(), authorKey: str(), kernelHashes: str(), cbitpos: str(),
    idBlock: str(), idAuth: str(), reducedPhysBits: str(),
  }),
  tdx: empty(),
});

/** DomainSpec; `devices` has no omitempty in Go, so the CRD requires it. */
export const domainSchema: JSONSchema = obj(
  {
    resources: obj({ requests: resourceList(), limits: resourceList(), overcommitGuestOverhead: bool() }),
    cpu,
    memory,
    machine: obj({ type: str() }),
    firmware,
    clock,
    features,
    devices: devicesSchema,
    ioThreadsPolicy: oneOf('shared', 'auto', 'supplementalPool'),
    ioThreads: obj({ supplementalPoolThreadCount: int32() }),
    chassis: obj({ manufacturer: str(), version: str(), serial: str(), asset: str(), sku: str() }),
    launchSecurity,
    rebootPolicy: oneOf('Reboot', 'Terminate'),
  },
  ['devices'],
);
