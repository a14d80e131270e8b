/**
 * The twin's image catalog: what an image URL serves (format, virtual size, bytes on
 * the wire, allocated data) and how fast its server delivers it. Built-in entries
 * cover the story; more are added at runtime through the ConfigMap
 * `ove-system/twin-image-catalog` (one entry per data key, YAML or JSON), so a 404
 * import recovers once the image "appears on the server".
 */
import { parse as parseYaml } from 'yaml';
import { quantityValue } from '../../lib/quantity.js';

/** One image a URL serves. */
export interface ImageEntry {
  /** `https://...` for http sources, `docker://...` for registry sources. */
  url: string;
  /** On-wire format; CDI converts all of them to raw. */
  format: 'qcow2' | 'raw' | 'iso';
  /** Guest-visible disk size (qcow2 virtual size; file size for raw and iso). */
  virtualBytes: number;
  /** Bytes transferred (qcow2 file size with its compressed clusters; the layer size in a registry). */
  fileBytes: number;
  /** Data clusters in the image, uncompressed (what `qemu-img map` lists as data). */
  allocatedBytes: number;
  /** Goodput of the path from the image server to the importer pod. */
  bandwidthBytesPerSecond: number;
  /** Shown by the twin's console when a VM boots from this image. */
  osName?: string;
}

/** TCP goodput share of an Ethernet link at MTU 1500: 1448 payload bytes of 1538 on the wire (timestamps on). */
export const TCP_GOODPUT = 1448 / 1538;
const GiB = 2 ** 30;

/**
 * The story's images. The RHEL 9.4 KVM guest image: 10 GiB virtual (Red Hat's KVM guest
 * images are built with a 10 GiB disk), ≈1.02 GB compressed qcow2 and ≈2.2 GB of data
 * (assumptions of the order the published image has; set them to your image's
 * `qemu-img info`/`map` figures), served from images.internal.bank.ch over a 100 Mbit/s
 * path (a typical internal artifact server's shaped link; the parameter that sets the
 * story's 98 s, see docs/data-volumes.md).
 */
export const BUILTIN_IMAGES: ImageEntry[] = [
  {
    url: 'https://images.internal.bank.ch/rhel9/rhel-9.4-x86_64-kvm.qcow2',
    format: 'qcow2',
    virtualBytes: 10 * GiB,
    fileBytes: 1.02e9,
    allocatedBytes: 2.2e9,
    bandwidthBytesPerSecond: (100e6 / 8) * TCP_GOODPUT,
    osName: 'Red Hat Enterprise Linux 9.4 (Plow)',
  },
  {
    url: 'docker://quay.io/containerdisks/fedora:40',
    format: 'qcow2',
    virtualBytes: 5 * GiB,
    fileBytes: 0.45e9,
    allocatedBytes: 1.1e9,
    bandwidthBytesPerSecond: (1e9 / 8) * TCP_GOODPUT,
    osName: 'Fedora Linux 40 (Cloud Edition)',
  },
];

/** URL → entry, built-in plus runtime entries. */
export class ImageCatalog {
  private readonly builtin = new Map<string, ImageEntry>();
  private runtime = new Map<string, ImageEntry>();

  constructor(entries: ImageEntry[] = BUILTIN_IMAGES) {
    for (const e of entries) this.builtin.set(e.url, e);
  }

  /** The entry a URL serves, or undefined (the server answers 404). */
  get(url: string): ImageEntry | undefined {
    return this.runtime.get(url) ?? this.builtin.get(url);
  }

  /** Replaces the runtime entries (from the ConfigMap's data); returns the keys that did not parse. */
  setRuntime(data: Record<string, string>): string[] {
    const next = new Map<string, ImageEntry>();
    const bad: string[] = [];
    for (const [k, v] of Object.entries(data)) {
      const e = parseEntry(v);
      if (e) next.set(e.url, e);
      else bad.push(k);
    }
    this.runtime = next;
    return bad;
  }
}

const bytes = (v: unknown): number => (typeof v === 'number' ? v : Number(quantityValue(String(v))));

/** Parses one ConfigMap entry: `url`, `format`, `virtualSize`, `fileSize`, `allocatedSize`, `bandwidth` (bytes/s; quantities allowed). */
export function parseEntry(text: string): ImageEntry | undefined {
  try {
    const o = parseYaml(text) as Record<string, unknown>;
    if (!o || typeof o.url !== 'string') return undefined;
    const format = (o.format ?? 'qcow2') as ImageEntry['format'];
    if (!['qcow2', 'raw', 'iso'].includes(format)) return undefined;
    const virtualBytes = bytes(o.virtualSize);
    const fileBytes = o.fileSize === undefined ? virtualBytes : bytes(o.fileSize);
    const entry: ImageEntry = {
      url: o.url, format, virtualBytes, fileBytes,
      allocatedBytes: o.allocatedSize === undefined ? (format === 'qcow2' ? fileBytes : virtualBytes) : bytes(o.allocatedSize),
      bandwidthBytesPerSecond: o.bandwidth === undefined ? (1e9 / 8) * TCP_GOODPUT : bytes(o.bandwidth),
      ...(typeof o.osName === 'string' ? { osName: o.osName } : {}),
    };
    return [entry.virtualBytes, entry.fileBytes, entry.allocatedBytes, entry.bandwidthBytesPerSecond].every((n) => Number.isFinite(n) && n > 0) ? entry : undefined;
  } catch {
    return undefined;
  }
}
