// `ove describe TYPE [NAME_PREFIX...]`: kubectl describe's output (Node, Pod, ConfigMap, Namespace describers; the generic one otherwise), with Events.
import type { Command } from 'commander';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import type { ApiResource } from '../kube/api-resources.js';
import { describeConfigMap, describeNamespace } from '../kube/describe-builtin.js';
import { describeObject, type CoreEvent } from '../kube/describe-format.js';
import { describeNode, type LeaseLookup } from '../kube/describe-node.js';
import { describePod } from '../kube/describe-pod.js';
import { errorMessage } from '../kube/error-message.js';
import { escapeTerminal } from '../kube/escape-terminal.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { parseTypeArgs } from '../kube/type-args.js';
import { noResourcesMessage } from '../kube/table-output.js';
import { namespaceFor } from './get.js';

/** Flags of `ove describe`. */
export interface DescribeFlags {
  allNamespaces?: boolean;
  selector?: string;
  showEvents?: boolean;
}

const EVENTS: ResourceRef = { group: '', version: 'v1', plural: 'events', namespaced: true };
const PODS: ResourceRef = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const QUOTAS: ResourceRef = { group: '', version: 'v1', plural: 'resourcequotas', namespaced: true };
const LIMIT_RANGES: ResourceRef = { group: '', version: 'v1', plural: 'limitranges', namespaced: true };
const LEASES: ResourceRef = { group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true };

/** The object's events, found by involvedObject field selectors as kubectl describe does. */
export async function eventsFor(client: Client, obj: KubeObject, uid = obj.metadata.uid): Promise<CoreEvent[]> {
  const m = obj.metadata;
  const fieldSelector = [`involvedObject.name=${m.name}`, `involvedObject.namespace=${m.namespace ?? ''}`, `involvedObject.kind=${obj.kind}`, uid ? `involvedObject.uid=${uid}` : ''].filter(Boolean).join(',');
  const list = await client.list<CoreEvent>(EVENTS, m.namespace || undefined, { fieldSelector, limit: 500 });
  return list.items;
}

async function listOrEmpty<T>(client: Client, r: ResourceRef, ns: string | undefined, fieldSelector?: string): Promise<T[] | undefined> {
  try {
    return (await client.list<T>(r, ns, { fieldSelector })).items;
  } catch (err) {
    if (err instanceof StatusError && err.code === 403) return undefined;
    throw err;
  }
}

/** Describes one object with kubectl's describer for its kind (Node, Pod, ConfigMap, Namespace) or the generic one. */
export async function describeOne(client: Client, r: ApiResource, obj: KubeObject, showEvents: boolean): Promise<string> {
  const now = Date.now();
  const kind = r.group === '' ? r.kind : '';
  if (kind === 'Node') {
    const pods = await listOrEmpty<KubeObject>(client, PODS, undefined, `spec.nodeName=${obj.metadata.name},status.phase!=Failed,status.phase!=Succeeded`);
    let lease: LeaseLookup;
    try {
      lease = { lease: await client.get(LEASES, 'kube-node-lease', obj.metadata.name!) };
    } catch (err) {
      lease = { error: (err as Error).message };
    }
    // Controllers record node events under the node's uid, kubelets under its name (describe.go).
    const events = showEvents ? [...(await eventsFor(client, obj)), ...(await eventsFor(client, obj, obj.metadata.name))] : undefined;
    return describeNode(obj, pods, lease, events, now);
  }
  if (kind === 'Pod') return describePod(obj, showEvents ? await eventsFor(client, obj) : undefined, now);
  if (kind === 'ConfigMap') return describeConfigMap(obj, showEvents ? await eventsFor(client, obj) : undefined, now);
  if (kind === 'Namespace') {
    const ns = obj.metadata.name!;
    return describeNamespace(obj, (await listOrEmpty(client, QUOTAS, ns)) ?? [], (await listOrEmpty(client, LIMIT_RANGES, ns)) ?? []);
  }
  return describeObject(obj, showEvents ? await eventsFor(client, obj) : undefined, now);
}

/** Runs `describe`; returns the exit code. */
export async function runDescribe(session: KubeSession, io: CliIo, args: string[], flags: DescribeFlags): Promise<number> {
  const reqs = parseTypeArgs(args, await session.resources(), 'describe');
  const errors: unknown[] = [];
  let printed = 0;
  for (const req of reqs) {
    const ns = namespaceFor(session, req.resource, flags);
    const apiVersion = req.resource.group ? `${req.resource.group}/${req.resource.version}` : req.resource.version;
    const objs: KubeObject[] = [];
    const listAll = () => session.client.list(req.resource, ns, { labelSelector: flags.selector }).then((l) => l.items.map((o) => ({ ...o, apiVersion: o.apiVersion ?? apiVersion, kind: o.kind ?? req.resource.kind })));
    if (req.names.length === 0) objs.push(...(await listAll()));
    for (const name of req.names) {
      try {
        objs.push(await session.client.get(req.resource, ns, name));
      } catch (err) {
        // kubectl describe falls back to a name-prefix match.
        if (!(err instanceof StatusError) || err.code !== 404) throw err;
        const matches = (await listAll()).filter((o) => o.metadata.name?.startsWith(name));
        if (matches.length === 0) errors.push(err);
        objs.push(...matches);
      }
    }
    for (const obj of objs) io.out((printed++ ? '\n\n' : '') + escapeTerminal(await describeOne(session.client, req.resource, obj, flags.showEvents !== false)));
  }
  for (const e of errors) io.err(`${errorMessage(e)}\n`);
  if (printed === 0 && errors.length === 0) io.err(noResourcesMessage(flags.allNamespaces ? undefined : session.access.namespace));
  return errors.length ? 1 : 0;
}

/** Adds `describe` to the `ove` program. */
export function registerDescribeCommand(program: Command): void {
  withAccessFlags(program.command('describe'))
    .description('show details of a resource or group of resources, with their events')
    .argument('[args...]', 'TYPE [NAME_PREFIX...] or TYPE/NAME')
    .option('-A, --all-namespaces', 'across all namespaces')
    .option('-l, --selector <selector>', 'label selector')
    .option('--no-show-events', 'do not show events')
    .action(async (args: string[], flags: DescribeFlags & { kubeconfig?: string; context?: string; namespace?: string }) => {
      process.exitCode = await runCommand(processIo, async () => {
        const session = openSession(flags);
        try {
          return await runDescribe(session, processIo, args, flags);
        } finally {
          session.close();
        }
      });
    });
}
