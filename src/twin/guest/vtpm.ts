/**
 * The guest's vTPM (swtpm in virt-launcher). Without `persistent: true` its state
 * lives and dies with the VMI, as in KubeVirt. With it, KubeVirt keeps the state on
 * a `persistent-state-for-<vm>` volume; the twin keeps it in a Secret of that name
 * (labelled `persistent-state-for: <vm>`, owned by the VM), so a restarted VMI finds
 * the same endorsement key. The key's fingerprint is shown as the VMI annotation
 * `twin.ove.dev/vtpm-ek`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { REFS, type Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';

/** VMI annotation: the fingerprint of the vTPM's endorsement key. */
export const VTPM_EK = 'twin.ove.dev/vtpm-ek';

/** The fingerprint of the vTPM state the VMI boots with, creating persistent state once; undefined without a TPM. */
export async function vtpmFingerprint(client: Client, vmi: Vmi): Promise<string | undefined> {
  const tpm = vmi.spec.domain.devices?.tpm;
  if (!tpm || tpm.enabled === false) return undefined;
  const fp = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 16);
  const owner = vmi.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'VirtualMachine');
  if (!tpm.persistent || !owner) return fp(`${vmi.metadata.uid}`);
  const name = `persistent-state-for-${owner.name}`;
  const ns = vmi.metadata.namespace!;
  let secret = await client.get(REFS.secrets, ns, name).catch((e: { code?: number }) => {
    if (e.code === 404) return undefined;
    throw e;
  });
  if (!secret) {
    const state: KubeObject = {
      apiVersion: 'v1', kind: 'Secret',
      metadata: { name, namespace: ns, labels: { 'persistent-state-for': owner.name }, ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }] },
      type: 'Opaque',
      data: { 'tpm2-00.permall': randomBytes(48).toString('base64') },
    };
    secret = await client.create(REFS.secrets, state).catch(async (e: { code?: number }) => {
      if (e.code === 409) return client.get(REFS.secrets, ns, name);
      throw e;
    });
  }
  return fp(((secret?.data ?? {}) as Record<string, string>)['tpm2-00.permall'] ?? '');
}
