/**
 * The login user a VMI's cloud-init creates, read from its `cloudInitNoCloud` or
 * `cloudInitConfigDrive` volume (`userData`, `userDataBase64` or `userDataSecretRef`, whose
 * Secret holds `userdata` or `userData`: KubeVirt `pkg/cloud-init`). In `#cloud-config`,
 * `user:` (a name or a mapping with `name`) sets the default user; `users:` lists more,
 * where `default` stands for the distribution's default user (cloud-init docs, "Users and Groups").
 */
import { parse } from 'yaml';

/** A cloud-init volume source as it appears in the VMI spec. */
export interface CloudInitSource {
  userData?: string;
  userDataBase64?: string;
  userDataSecretRef?: { name: string };
}

/** The cloud-init sources of a VMI's volumes. */
export function cloudInitSources(vmiSpec: { volumes?: { cloudInitNoCloud?: CloudInitSource; cloudInitConfigDrive?: CloudInitSource }[] } | undefined): CloudInitSource[] {
  const out: CloudInitSource[] = [];
  for (const v of vmiSpec?.volumes ?? []) for (const s of [v.cloudInitNoCloud, v.cloudInitConfigDrive]) if (s) out.push(s);
  return out;
}

/** The user-data text of a source; `secretData` is the referenced Secret's `data` (base64 values). */
export function userDataText(src: CloudInitSource, secretData?: Record<string, string>): string | undefined {
  if (src.userData !== undefined) return src.userData;
  if (src.userDataBase64 !== undefined) return Buffer.from(src.userDataBase64, 'base64').toString('utf8');
  const enc = secretData?.userdata ?? secretData?.userData;
  return enc === undefined ? undefined : Buffer.from(enc, 'base64').toString('utf8');
}

/** Who can log in according to user data: named users first; undefined when it names none. */
export function cloudInitUsers(userData: string | undefined): string[] | undefined {
  if (!userData || !userData.startsWith('#cloud-config')) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = (parse(userData) ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const names: string[] = [];
  const nameOf = (u: unknown) => (typeof u === 'string' ? u : (u as { name?: unknown } | null)?.name);
  const user = nameOf(doc.user);
  if (typeof user === 'string' && user) names.push(user);
  const users = Array.isArray(doc.users) ? doc.users : typeof doc.users === 'string' ? doc.users.split(',').map((s) => s.trim()) : [];
  for (const u of users) {
    const n = nameOf(u);
    if (typeof n === 'string' && n && n !== 'default' && !names.includes(n)) names.push(n);
  }
  return names.length ? names : undefined;
}
