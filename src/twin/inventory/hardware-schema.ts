/**
 * The schema of `hardware.yaml`, ove's hardware inventory (documented in
 * docs/cluster-definition.md). Unknown fields are refused, so a typo names itself.
 */
import { Type, type Static } from '@sinclair/typebox';

const Name = Type.String({ minLength: 1, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$' });
const Strict = { additionalProperties: false } as const;
const PositiveInt = Type.Integer({ minimum: 1 });
const Mtu = Type.Integer({ minimum: 68, maximum: 65535 });
const Speed = Type.Number({ exclusiveMinimum: 0 });
const Watts = Type.Number({ minimum: 0 });

function oneOf<T extends string>(...values: T[]) {
  return Type.Union(values.map((v) => Type.Literal(v)));
}

/** A drive: size as bytes or with a unit (`3.84TB`, `480GiB`). */
export const DriveSpec = Type.Object({
  name: Name,
  size: Type.Union([Type.String(), Type.Integer({ minimum: 0 })]),
  type: oneOf('nvme', 'ssd', 'hdd'),
  purpose: oneOf('boot', 'osd', 'etcd', 'data', 'spare'),
  model: Type.Optional(Type.String()),
  /** Measured p99 fdatasync latency (e.g. from fio), if known. */
  fsyncP99Ms: Type.Optional(Type.Number({ minimum: 0 })),
}, Strict);

const NicPortSpec = Type.Object({ name: Name, speedGbps: Speed, mtu: Mtu }, Strict);
const NicSpec = Type.Object({ name: Name, model: Type.Optional(Type.String()), ports: Type.Array(NicPortSpec, { minItems: 1 }) }, Strict);

const BondSpec = Type.Object({
  name: Name,
  mode: oneOf('802.3ad', 'active-backup'),
  members: Type.Array(Name, { minItems: 1 }),
  mtu: Mtu,
  vlans: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 4094 }))),
  purpose: oneOf('cluster', 'storage', 'other'),
}, Strict);

const CpuSpec = Type.Object({
  model: Type.String(),
  sockets: PositiveInt,
  coresPerSocket: PositiveInt,
  threadsPerCore: PositiveInt,
}, Strict);

const BmcSpec = Type.Object({
  address: Type.String(),
  type: oneOf('ilo', 'idrac', 'xclarity', 'irmc', 'ipmi', 'redfish'),
}, Strict);

/** Every field a server (or a server profile) may carry. */
const serverFields = {
  name: Name,
  profile: Type.Optional(Type.String()),
  role: oneOf('control-plane', 'worker'),
  model: Type.String(),
  rack: Type.String(),
  position: PositiveInt,
  heightU: PositiveInt,
  cpu: CpuSpec,
  memoryGiB: Type.Number({ exclusiveMinimum: 0 }),
  drives: Type.Array(DriveSpec),
  nics: Type.Array(NicSpec),
  bonds: Type.Optional(Type.Array(BondSpec)),
  macAddresses: Type.Optional(Type.Record(Type.String(), Type.String({ pattern: '^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$' }))),
  address: Type.Optional(Type.String()),
  bmc: Type.Optional(BmcSpec),
  peakWatts: Watts,
};

/** A server after its profile is merged in. */
export const ServerSpec = Type.Object(serverFields, Strict);
const ServerProfileSpec = Type.Partial(Type.Object(serverFields, Strict));

const SwitchPortSpec = Type.Object({
  /** One port (`Ethernet1/49`) or a range on the last number (`Ethernet1/1-48`). */
  name: Type.String({ minLength: 1 }),
  speedGbps: Speed,
  mtu: Mtu,
}, Strict);

const SwitchSpec = Type.Object({
  name: Name,
  role: oneOf('spine', 'leaf', 'management'),
  model: Type.String(),
  rack: Type.String(),
  position: PositiveInt,
  heightU: PositiveInt,
  asn: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295 })),
  mlagDomain: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  ports: Type.Array(SwitchPortSpec, { minItems: 1 }),
  peakWatts: Watts,
}, Strict);

const LinkSpec = Type.Object({
  a: Type.String({ pattern: '^[^:]+:.+$' }),
  b: Type.String({ pattern: '^[^:]+:.+$' }),
  speedGbps: Type.Optional(Speed),
}, Strict);

const PduSpec = Type.Object({
  name: Name,
  rack: Type.String(),
  feed: oneOf('A', 'B'),
  volts: Type.Number({ exclusiveMinimum: 0 }),
  amps: Type.Number({ exclusiveMinimum: 0 }),
  phase: Type.Union([Type.Literal(1), Type.Literal(3)]),
  /** Continuous-load limit in percent of the rating; defaults from `site.electricalCode`. */
  continuousPercent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
  position: Type.Optional(PositiveInt),
  heightU: Type.Optional(PositiveInt),
  outlets: Type.Array(Type.String()),
}, Strict);

const RackSpec = Type.Object({
  name: Name,
  units: PositiveInt,
  reserved: Type.Optional(Type.Array(Type.Object({ name: Type.String(), position: PositiveInt, heightU: Type.Optional(PositiveInt) }, Strict))),
}, Strict);

const NetworkSpec = Type.Object({
  name: Name,
  cidr: Type.Optional(Type.String()),
  vlan: Type.Optional(Type.Integer({ minimum: 1, maximum: 4094 })),
  description: Type.Optional(Type.String()),
}, Strict);

const DnsRecordSpec = Type.Object({ name: Type.String(), type: oneOf('A', 'AAAA', 'CNAME'), value: Type.String() }, Strict);

const SiteSpec = Type.Object({
  name: Name,
  location: Type.Optional(Type.String()),
  zone: Type.Optional(Type.String()),
  mainsVolts: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  electricalCode: oneOf('nec', 'iec'),
}, Strict);

/** The whole `hardware.yaml` document, with server profiles already merged into servers. */
export const HardwareSpec = Type.Object({
  apiVersion: Type.Literal('ove.dev/v1alpha1'),
  kind: Type.Literal('HardwareInventory'),
  site: SiteSpec,
  networks: Type.Optional(Type.Array(NetworkSpec)),
  overlay: Type.Optional(Type.Object({ mtu: Mtu }, Strict)),
  dns: Type.Optional(Type.Object({ records: Type.Array(DnsRecordSpec) }, Strict)),
  racks: Type.Array(RackSpec, { minItems: 1 }),
  serverProfiles: Type.Optional(Type.Record(Type.String(), ServerProfileSpec)),
  servers: Type.Array(ServerSpec, { minItems: 1 }),
  switches: Type.Optional(Type.Array(SwitchSpec)),
  links: Type.Optional(Type.Array(LinkSpec)),
  pdus: Type.Optional(Type.Array(PduSpec)),
}, Strict);

/** `hardware.yaml` as validated, before sizes are parsed and port ranges expanded. */
export type HardwareDoc = Static<typeof HardwareSpec>;
