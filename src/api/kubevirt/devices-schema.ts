/**
 * kubevirt.io/v1 Devices: disks, interfaces, and the other virtual hardware.
 * Field names from kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/schema.go`.
 * Buses and models are plain strings in the CRD; the webhook checks their values.
 */
import type { JSONSchema } from '../types.js';
import { arr, bool, empty, int, int32, obj, str, strs } from './schema-kit.js';

const featureState = () => obj({ enabled: bool() });

/** Disk: name plus exactly one of disk/lun/cdrom (the webhook enforces "one"). */
export const diskSchema: JSONSchema = obj(
  {
    name: str(),
    disk: obj({ bus: str(), readonly: bool(), pciAddress: str() }),
    lun: obj({ bus: str(), readonly: bool(), reservation: bool() }),
    cdrom: obj({ bus: str(), readonly: bool(), tray: str() }),
    bootOrder: int(),
    serial: str(),
    dedicatedIOThread: bool(),
    cache: str(),
    io: str(),
    tag: str(),
    blockSize: obj({
      custom: obj({ logical: int(), physical: int(), discardGranularity: int() }),
      matchVolume: featureState(),
    }),
    shareable: bool(),
    errorPolicy: str(),
    changedBlockTracking: bool(),
  },
  ['name'],
);

/** Interface: name, model, one binding method (bridge, masquerade, sriov, passtBinding, plugin). */
export const interfaceSchema: JSONSchema = obj(
  {
    name: str(),
    model: str(),
    bridge: empty(),
    slirp: empty(),
    masquerade: empty(),
    sriov: empty(),
    macvtap: empty(),
    passt: empty(),
    passtBinding: empty(),
    binding: obj({ name: str() }, ['name']),
    ports: arr(obj({ name: str(), protocol: str(), port: int32() }, ['port'])),
    macAddress: str(),
    bootOrder: int(),
    pciAddress: str(),
    dhcpOptions: obj({
      bootFileName: str(),
      tftpServerName: str(),
      ntpServers: strs(),
      privateOptions: arr(obj({ option: int(), value: str() }, ['option', 'value'])),
    }),
    tag: str(),
    acpiIndex: int(),
    state: str(),
  },
  ['name'],
);

const claimed = { claimName: str(), requestName: str() };

/** Devices. */
export const devicesSchema: JSONSchema = obj({
  useVirtioTransitional: bool(),
  disableHotplug: bool(),
  disks: arr(diskSchema, { maxItems: 256 }),
  watchdog: obj(
    { name: str(), i6300esb: obj({ action: str() }), diag288: obj({ action: str() }) },
    ['name'],
  ),
  interfaces: arr(interfaceSchema, { maxItems: 256 }),
  inputs: arr(obj({ bus: str(), type: str(), name: str() }, ['name', 'type'])),
  autoattachPodInterface: bool(),
  autoattachGraphicsDevice: bool(),
  autoattachSerialConsole: bool(),
  logSerialConsole: bool(),
  autoattachMemBalloon: bool(),
  autoattachInputDevice: bool(),
  autoattachVSOCK: bool(),
  rng: empty(),
  blockMultiQueue: bool(),
  networkInterfaceMultiqueue: bool(),
  gpus: arr(obj({
    name: str(), deviceName: str(), ...claimed,
    virtualGPUOptions: obj({ display: obj({ enabled: bool(), ramFB: featureState() }) }),
    tag: str(),
  }, ['name'])),
  downwardMetrics: empty(),
  panicDevices: arr(obj({ model: str() })),
  filesystems: arr(obj({ name: str(), virtiofs: empty() }, ['name', 'virtiofs'])),
  hostDevices: arr(obj({ name: str(), deviceName: str(), ...claimed, tag: str() }, ['name'])),
  clientPassthrough: empty(),
  sound: obj({ name: str(), model: str() }, ['name']),
  tpm: obj({ enabled: bool(), persistent: bool() }),
  video: obj({ type: str() }),
});
