/**
 * What cloud-init does with a NoCloud seed, as far as the twin's guest shows it:
 * hostname and fqdn, the default user (`user:`, `password:`, `ssh_authorized_keys`)
 * and `users:` entries, `chpasswd`, packages, runcmd and `networkData` v1/v2
 * addresses. Semantics from the cloud-init docs (cc_set_hostname, cc_users_groups,
 * cc_set_passwords, network-config v2). The hostname defaults to the metadata's
 * `local-hostname`, which KubeVirt sets to the VMI's `spec.hostname` or its name.
 */
import { parse } from 'yaml';

/** A user cloud-init creates. */
export interface GuestUser {
  name: string;
  /** A plain-text password (`plain_text_passwd`, `password` for the default user, `chpasswd`); hashed ones cannot be typed back. */
  password?: string;
  sshAuthorizedKeys: string[];
  sudo: boolean;
}

/** The applied cloud-init configuration. */
export interface CloudInitResult {
  hostname: string;
  fqdn?: string;
  users: GuestUser[];
  packages: string[];
  runcmd: number;
  addresses: string[];
  /** Problems cloud-init logs (and then carries on). */
  errors: string[];
}

type Obj = Record<string, unknown>;

/** The default user of RHEL cloud images (`system_info.default_user` in /etc/cloud/cloud.cfg). */
export const DEFAULT_USER = 'cloud-user';

/** Applies user data and network data to a guest named `localHostname`. */
export function applyCloudInit(localHostname: string, userData: string | undefined, networkData: string | undefined): CloudInitResult {
  const errors: string[] = [];
  let cfg: Obj = {};
  if (userData && userData.trimStart().startsWith('#cloud-config')) {
    try {
      const v = parse(userData);
      if (v && typeof v === 'object') cfg = v as Obj;
    } catch (e) {
      errors.push(`Failed loading yaml blob. ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const fqdn = str(cfg.fqdn);
  const hostname = str(cfg.hostname) ?? (fqdn ? fqdn.split('.')[0] : localHostname);
  const users = usersOf(cfg);
  return {
    hostname,
    fqdn: fqdn ?? (hostname.includes('.') ? hostname : undefined),
    users,
    packages: Array.isArray(cfg.packages) ? cfg.packages.map(String) : [],
    runcmd: Array.isArray(cfg.runcmd) ? cfg.runcmd.length : 0,
    addresses: addressesOf(networkData, errors),
    errors,
  };
}

function usersOf(cfg: Obj): GuestUser[] {
  const defaultUser: GuestUser = { name: str(cfg.user) ?? DEFAULT_USER, password: str(cfg.password), sshAuthorizedKeys: strs(cfg.ssh_authorized_keys), sudo: true };
  const list = Array.isArray(cfg.users) ? cfg.users : ['default'];
  const out: GuestUser[] = [];
  for (const u of list) {
    if (u === 'default') out.push(defaultUser);
    else if (typeof u === 'string') out.push({ name: u, sshAuthorizedKeys: [], sudo: false });
    else if (u && typeof u === 'object') {
      const o = u as Obj;
      if (!str(o.name)) continue;
      out.push({ name: str(o.name)!, password: str(o.plain_text_passwd) ?? str(o.password), sshAuthorizedKeys: strs(o.ssh_authorized_keys), sudo: o.sudo !== undefined && o.sudo !== false });
    }
  }
  // chpasswd: {list: "user:pass\n..."} or {users: [{name, password, type: text}]}.
  const ch = (cfg.chpasswd ?? {}) as Obj;
  const pairs: [string, string][] = [];
  if (typeof ch.list === 'string') for (const l of ch.list.split('\n')) if (l.includes(':')) pairs.push([l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]);
  if (Array.isArray(ch.list)) for (const l of ch.list) if (typeof l === 'string' && l.includes(':')) pairs.push([l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]);
  if (Array.isArray(ch.users)) for (const e of ch.users as Obj[]) if (str(e.name) && str(e.password) && (e.type ?? 'text') === 'text') pairs.push([str(e.name)!, str(e.password)!]);
  for (const [name, pw] of pairs) {
    const u = out.find((x) => x.name === name || (name === 'default' && x === defaultUser));
    if (u && pw !== 'RANDOM' && pw !== 'R') u.password = pw;
  }
  return out;
}

function addressesOf(networkData: string | undefined, errors: string[]): string[] {
  if (!networkData) return [];
  try {
    const n = (parse(networkData) ?? {}) as Obj;
    const net = ((n.network as Obj | undefined) ?? n) as Obj;
    const out: string[] = [];
    for (const eth of Object.values((net.ethernets as Obj | undefined) ?? {})) out.push(...strs((eth as Obj).addresses));
    for (const c of (Array.isArray(net.config) ? net.config : []) as Obj[]) for (const s of (c.subnets as Obj[] | undefined) ?? []) if (str(s.address)) out.push(str(s.address)!);
    return out;
  } catch (e) {
    errors.push(`Failed loading network config. ${(e as Error).message.split('\n')[0]}`);
    return [];
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}
