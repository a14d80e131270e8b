/** Writes the admin kubeconfig `ove up` leaves in the data dir. */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

/** Builds a kubeconfig for one cluster, user and context. */
export function kubeconfig(server: string, caPem: string, token: string, cluster = 'ove', user = 'admin'): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: `${user}@${cluster}`, context: { cluster, user, namespace: 'default' } }],
    'current-context': `${user}@${cluster}`,
    preferences: {},
  });
}

/** Writes it with owner-only permissions. */
export function writeKubeconfig(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600 });
}
