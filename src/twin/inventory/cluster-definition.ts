/**
 * The cluster definition as the rest of ove sees it: the install-config plus the hardware
 * inventory, resolved (profiles merged, sizes in bytes, switch port ranges expanded).
 */
import type { HardwareDoc } from './hardware-schema.js';
import type { InstallConfig } from './install-config-schema.js';

/** The install-config fields ove reads (re-exported). */
export type { InstallConfig } from './install-config-schema.js';

type ServerDoc = HardwareDoc['servers'][number];
type SwitchDoc = NonNullable<HardwareDoc['switches']>[number];
type PduDoc = NonNullable<HardwareDoc['pdus']>[number];

/** A drive with its size in bytes (`size` keeps the text as written, e.g. `3.84TB`). */
export type Drive = ServerDoc['drives'][number] & { sizeBytes: number };
/** A NIC and its ports. */
export type Nic = ServerDoc['nics'][number];
/** A Linux bond over NIC ports. */
export type Bond = NonNullable<ServerDoc['bonds']>[number];
/** A rack: height in U and reserved units (patch panels, blanks). */
export type Rack = HardwareDoc['racks'][number];
/** The site: location, topology zone, mains voltage and the electrical code for derating. */
export type Site = HardwareDoc['site'];
/** A named network (VLAN and/or CIDR) of the site. */
export type Network = NonNullable<HardwareDoc['networks']>[number];
/** A DNS record the site provides. */
export type DnsRecord = NonNullable<HardwareDoc['dns']>['records'][number];

/** A server, with its profile merged in. */
export interface Server extends Omit<ServerDoc, 'drives' | 'bonds' | 'macAddresses'> {
  drives: Drive[];
  bonds: Bond[];
  macAddresses: Record<string, string>;
}

/** One switch port (ranges in the file are expanded to single ports). */
export interface SwitchPort {
  name: string;
  speedGbps: number;
  mtu: number;
}

/** A switch with its ports expanded. */
export interface Switch extends Omit<SwitchDoc, 'ports'> {
  ports: SwitchPort[];
}

/** One end of a cable: a device (server or switch) and one of its ports. */
export interface Endpoint {
  device: string;
  port: string;
}

/** A cable between two ports. */
export interface Link {
  a: Endpoint;
  b: Endpoint;
  speedGbps?: number;
}

/** A rack PDU with its continuous-load limit resolved from the site's electrical code. */
export interface Pdu extends Omit<PduDoc, 'continuousPercent'> {
  continuousPercent: number;
}

/** The hardware inventory, resolved. */
export interface Hardware {
  site: Site;
  networks: Network[];
  overlay?: { mtu: number };
  dns?: { records: DnsRecord[] };
  racks: Rack[];
  servers: Server[];
  switches: Switch[];
  links: Link[];
  pdus: Pdu[];
}

/** A loaded, validated cluster definition (`install-config.yaml` + `hardware.yaml`). */
export interface ClusterDefinition {
  /** The directory it was loaded from. */
  dir: string;
  installConfig: InstallConfig;
  hardware: Hardware;
}
