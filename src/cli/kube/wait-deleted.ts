/** Waits until an object is gone (or replaced by one with another uid), as `kubectl delete --wait` does, over a watch. */
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import type { LineStream } from '../../client/transport.js';
import { CliError } from './cli-error.js';

async function current(client: Client, r: ResourceRef, ns: string | undefined, name: string): Promise<KubeObject | undefined> {
  try {
    return await client.get(r, ns, name);
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return undefined;
    throw err;
  }
}

/** Resolves once `name` no longer exists with `uid`; rejects after `timeoutMs` (0: never). */
export async function waitDeleted(client: Client, r: ResourceRef & { plural: string; group: string }, ns: string | undefined, name: string, uid: string | undefined, timeoutMs = 0): Promise<void> {
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
  for (;;) {
    const obj = await current(client, r, ns, name);
    if (!obj || (uid && obj.metadata.uid !== uid)) return;
    const left = deadline - Date.now();
    if (left <= 0) throw new CliError(`error: timed out waiting for the condition on ${r.group ? `${r.plural}.${r.group}` : r.plural}/${name}`);
    // One watch round: ends on DELETED, on a server close, or at the deadline; then re-check.
    await new Promise<void>((done, fail) => {
      let stream: LineStream | undefined;
      const timer = Number.isFinite(left) ? setTimeout(() => stream?.close(), left) : undefined;
      const finish = (err?: Error) => {
        if (timer) clearTimeout(timer);
        stream?.close();
        if (err && !(err instanceof StatusError)) fail(err);
        else done();
      };
      stream = client.watch(r, ns, { fieldSelector: `metadata.name=${name}`, resourceVersion: obj.metadata.resourceVersion }, (e) => {
        if (e.type === 'DELETED') finish();
      }, finish);
    });
  }
}
