/**
 * The disk and network checks of KubeVirt's VMI admission webhook, with its messages
 * (kubevirt/kubevirt `pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go`).
 */
import type { FieldCause } from '../types.js';
import { asList, asObj, asStr, cause, child, index, type Json } from './field-path.js';

/** `%s '%s' not found.` (nameOfTypeNotFoundMessagePattern). */
function notFound(field: string, name: string): string {
  return `${field} '${name}' not found.`;
}

const DISK_TYPES = ['disk', 'lun', 'cdrom'] as const;
const SUPPORTED_BUSES = ['virtio', 'scsi', 'sata', 'usb'];
/** validInterfaceModels. */
const INTERFACE_MODELS = new Set(['e1000', 'e1000e', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio']);

/** Disks: one target type each, a known bus, and a volume of the same name. */
export function validateDisks(spec: Json, base: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const disksPath = child(base, 'domain', 'devices', 'disks');
  const volumes = new Set(asList(spec.volumes).map((v) => asStr(v.name)));
  const devices = asObj(asObj(spec.domain)?.devices) ?? {};
  asList(devices.disks).forEach((disk, i) => {
    const name = asStr(disk.name);
    if (!volumes.has(name)) {
      causes.push(cause(child(index(disksPath, i), 'name'), notFound(child(index(disksPath, i), 'name'), name)));
    }
    const types = DISK_TYPES.filter((t) => disk[t] !== undefined && disk[t] !== null);
    if (types.length > 1) {
      causes.push(cause(index(disksPath, i), `${index(disksPath, i)} can only have a single target type defined`));
    }
    for (const t of types) {
      const bus = asStr(asObj(disk[t])?.bus);
      if (bus === '') continue;
      const busField = child(index(disksPath, i), t, 'bus');
      if (bus === 'ide') causes.push(cause(busField, 'IDE bus is not supported'));
      else if (!SUPPORTED_BUSES.includes(bus)) {
        causes.push(cause(busField,
          `${index(disksPath, i)} is set with an unrecognized bus ${bus}, must be one of: [${SUPPORTED_BUSES.join(' ')}]`));
      }
    }
  });
  return causes;
}

/** Interfaces and networks: matched one-to-one by name, masquerade only on the pod network, known models. */
export function validateNetworks(spec: Json, base: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const ifPath = child(base, 'domain', 'devices', 'interfaces');
  const networks = new Map(asList(spec.networks).map((n) => [asStr(n.name), n] as const));
  const interfaces = asList(asObj(asObj(spec.domain)?.devices)?.interfaces);
  const seen = new Set<string>();
  interfaces.forEach((iface, i) => {
    const name = asStr(iface.name);
    const nameField = child(index(ifPath, i), 'name');
    const net = networks.get(name);
    if (!net) causes.push(cause(nameField, notFound(nameField, name)));
    else if (iface.masquerade !== undefined && net.pod === undefined) {
      causes.push(cause(nameField, 'Masquerade interface only implemented with pod network'));
    }
    if (seen.has(name)) causes.push(cause(nameField, `Only one interface can be connected to one specific network`, 'FieldValueDuplicate'));
    seen.add(name);
    const model = asStr(iface.model);
    if (model !== '' && !INTERFACE_MODELS.has(model)) {
      causes.push(cause(child(index(ifPath, i), 'model'),
        `interface ${nameField} uses model ${model} that is not supported.`, 'FieldValueNotSupported'));
    }
  });
  asList(spec.networks).forEach((n, i) => {
    const name = asStr(n.name);
    if (!seen.has(name)) {
      const f = child(index(child(base, 'networks'), i), 'name');
      causes.push(cause(f, notFound(f, name)));
    }
  });
  return causes;
}
