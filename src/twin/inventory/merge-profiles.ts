/** Server profiles: shared fields a server inherits by naming its profile. */
import type { DefinitionIssue } from './definition-error.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Returns the raw hardware document with each server's `profile` merged under it: fields the
 * server sets win, whole fields at a time (a server's `drives` replaces the profile's).
 */
export function mergeProfiles(raw: unknown, issues: DefinitionIssue[]): unknown {
  if (!isObject(raw) || !Array.isArray(raw.servers)) return raw;
  const profiles = isObject(raw.serverProfiles) ? raw.serverProfiles : {};
  const servers = raw.servers.map((s: unknown, i: number) => {
    if (!isObject(s) || s.profile === undefined) return s;
    const profile = typeof s.profile === 'string' ? profiles[s.profile] : undefined;
    if (!isObject(profile)) {
      issues.push({ file: 'hardware.yaml', path: `servers[${i}].profile`, message: `unknown profile ${JSON.stringify(s.profile)} (not in serverProfiles)` });
      return s;
    }
    // A copy per server, so changing one server's NICs or drives never changes another's.
    return { ...structuredClone(profile), ...s };
  });
  return { ...raw, servers };
}
