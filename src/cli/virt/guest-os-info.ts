/**
 * `ove virt guestosinfo VMI`: GET virtualmachineinstances/NAME/guestosinfo and print it
 * as virtctl does (`pkg/virtctl/vm/guestosinfo.go`): the answer decoded into KubeVirt's
 * `VirtualMachineInstanceGuestAgentInfo` and re-marshalled with two-space indentation,
 * so fields come in the struct's order and empty `omitempty` fields are left out
 * (kubevirt.io/api `core/v1/types.go`).
 */
import type { Client } from '../../client/client.js';
import { CliError } from '../kube/cli-error.js';
import type { CliIo } from '../kube/cli-io.js';
import { goError } from './lifecycle.js';
import { getSubresource } from './subresource.js';

// Field order of VirtualMachineInstanceGuestAgentInfo and VirtualMachineInstanceGuestOSInfo.
const AGENT_FIELDS = ['kind', 'apiVersion', 'guestAgentVersion', 'supportedCommands', 'hostname', 'os', 'timezone', 'userList', 'fsInfo', 'fsFreezeStatus'];
const OS_FIELDS = ['name', 'kernelRelease', 'version', 'prettyName', 'versionId', 'kernelVersion', 'machine', 'id'];
// `os` and `fsInfo` are structs: Go's omitempty never drops a struct.
const STRUCTS = new Set(['os', 'fsInfo']);

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function ordered(src: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = src[f];
    if (f === 'os') out.os = ordered((v ?? {}) as Record<string, unknown>, OS_FIELDS);
    else if (STRUCTS.has(f)) {
      if (v !== undefined) out[f] = v;
    } else if (!empty(v)) out[f] = v;
  }
  return out;
}

/** The text virtctl prints for a guest agent answer (ending with a newline). */
export function formatGuestOsInfo(info: Record<string, unknown>): string {
  return `${JSON.stringify(ordered(info, AGENT_FIELDS), null, 2)}\n`;
}

/** Fetches and prints the guest agent's OS information. */
export async function guestOsInfo(client: Client, io: CliIo, ns: string, name: string): Promise<void> {
  const info = await getSubresource<Record<string, unknown>>(client, 'virtualmachineinstances', ns, name, 'guestosinfo').catch((err: unknown) => {
    throw new CliError(`Error getting guestosinfo of VirtualMachineInstance ${name}, ${goError(err)}`);
  });
  io.out(formatGuestOsInfo(info ?? {}));
}
