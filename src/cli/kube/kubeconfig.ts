/**
 * Kubeconfig loading for the CLI: `--kubeconfig`, then `$KUBECONFIG` (first existing
 * file of the list), then `./.ove/kubeconfig` (what `ove up` writes), then
 * `~/.kube/config`; the current context or `--context`, and the namespace from
 * `-n` or the context.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CliError } from './cli-error.js';

/** What the CLI needs to reach a cluster. */
export interface ClusterAccess {
  /** The file it came from. */
  path: string;
  context: string;
  server: string;
  ca?: string;
  token?: string;
  insecureSkipTlsVerify: boolean;
  namespace: string;
  /** Whether `-n` was given (kubectl's "enforce namespace"). */
  explicitNamespace: boolean;
}

/** Flags that choose the kubeconfig, context and namespace. */
export interface AccessFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

interface Named<T> {
  name: string;
  [key: string]: unknown;
  value?: T;
}

interface KubeconfigFile {
  clusters?: Named<unknown>[];
  users?: Named<unknown>[];
  contexts?: Named<unknown>[];
  'current-context'?: string;
}

/** Finds the kubeconfig file to use, or throws the "no kubeconfig" error. */
export function findKubeconfig(flags: AccessFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), home = homedir()): string {
  if (flags.kubeconfig) {
    if (!existsSync(flags.kubeconfig)) throw new CliError(`error: stat ${flags.kubeconfig}: no such file or directory`);
    return flags.kubeconfig;
  }
  if (env.KUBECONFIG) {
    const found = env.KUBECONFIG.split(delimiter).find((p) => p && existsSync(p));
    if (found) return found;
  }
  for (const p of [join(cwd, '.ove', 'kubeconfig'), join(home, '.kube', 'config')]) if (existsSync(p)) return p;
  throw new CliError('ove: no kubeconfig found: set KUBECONFIG or run "ove up"');
}

/** Loads the kubeconfig and resolves the context into server, credentials and namespace. */
export function loadClusterAccess(flags: AccessFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), home = homedir()): ClusterAccess {
  const path = findKubeconfig(flags, env, cwd, home);
  let doc: KubeconfigFile;
  try {
    doc = (parse(readFileSync(path, 'utf8')) ?? {}) as KubeconfigFile;
  } catch (err) {
    throw new CliError(`error: error loading config file "${path}": ${(err as Error).message}`);
  }
  const contextName = flags.context ?? doc['current-context'];
  if (!contextName) throw new CliError(`error: current-context is not set in ${path}`);
  const ctx = pick(doc.contexts, 'context', contextName) as { cluster?: string; user?: string; namespace?: string } | undefined;
  if (!ctx) throw new CliError(`error: context "${contextName}" does not exist`);
  const cluster = pick(doc.clusters, 'cluster', ctx.cluster ?? '') as Record<string, unknown> | undefined;
  if (!cluster || typeof cluster.server !== 'string') throw new CliError(`error: cluster "${ctx.cluster ?? ''}" of context "${contextName}" has no server in ${path}`);
  const user = (pick(doc.users, 'user', ctx.user ?? '') ?? {}) as Record<string, unknown>;
  const base = dirname(resolve(path));
  const file = (p: unknown) => readFileSync(isAbsolute(String(p)) ? String(p) : join(base, String(p)), 'utf8');
  let ca: string | undefined;
  if (typeof cluster['certificate-authority-data'] === 'string') ca = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
  else if (cluster['certificate-authority']) ca = file(cluster['certificate-authority']);
  let token: string | undefined;
  if (typeof user.token === 'string') token = user.token;
  else if (user.tokenFile) token = file(user.tokenFile).trim();
  return {
    path,
    context: contextName,
    server: cluster.server.replace(/\/+$/, ''),
    ca,
    token,
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    namespace: flags.namespace || ctx.namespace || 'default',
    explicitNamespace: Boolean(flags.namespace),
  };
}

function pick(list: Named<unknown>[] | undefined, field: string, name: string): unknown {
  return list?.find((e) => e?.name === name)?.[field];
}
