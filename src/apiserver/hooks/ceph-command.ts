/**
 * The create-only `ceph.ove.dev/v1alpha1` CephCommand: runs a `ceph`, `rbd` or fio command line
 * against the storage engine of this server's controllers and returns the output in `status`.
 * Nothing is stored; RBAC's `create cephcommands` guards it.
 */
import { badRequest } from '../../api/errors.js';
import { cephHostFor } from '../../controllers/storage-cluster/ceph-host.js';
import { runCephCommand, type CephCommandSpec } from '../../controllers/ceph-csi/ceph-command.js';
import { decodeObjectBody } from '../http/body.js';
import type { HookHandler } from '../server.js';

/** Registers the CephCommand hook; `owner` returns the controller manager the engine is attached to. */
export function registerCephCommandHook(hooks: Map<string, HookHandler>, owner: () => object | undefined): void {
  hooks.set('ceph.ove.dev/cephcommands', async (d, req) => {
    const cmd = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
    const spec = (cmd.spec ?? {}) as Partial<CephCommandSpec>;
    if (!Array.isArray(spec.args) || spec.args.some((a) => typeof a !== 'string')) throw badRequest('spec.args: Required value: a list of strings');
    const tool = spec.tool ?? 'ceph';
    if (!['ceph', 'rbd', 'fio'].includes(tool)) throw badRequest(`spec.tool: Unsupported value: "${tool}": supported values: "ceph", "rbd", "fio"`);
    const o = owner();
    const result = runCephCommand(o ? cephHostFor(o) : undefined, { tool, args: spec.args, format: spec.format });
    return { code: 201, body: { apiVersion: 'ceph.ove.dev/v1alpha1', kind: 'CephCommand', metadata: { creationTimestamp: null }, spec: { tool, args: spec.args, format: spec.format ?? 'plain' }, status: result } };
  });
}
