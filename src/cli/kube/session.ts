/** A CLI session: the kubeconfig's cluster, a client over HTTPS, and discovery (fetched once). */
import { Client } from '../../client/client.js';
import { HttpTransport } from '../../client/http-transport.js';
import { discoverApiResources, type ApiResource } from './api-resources.js';
import { loadClusterAccess, type AccessFlags, type ClusterAccess } from './kubeconfig.js';
import { ReachableTransport } from './reachable-transport.js';

/** What every command works with. */
export interface KubeSession {
  access: ClusterAccess;
  client: Client;
  /** Discovery, cached for the session. */
  resources(): Promise<ApiResource[]>;
  close(): void;
}

/** Opens a session from the kubeconfig flags. */
export function openSession(flags: AccessFlags): KubeSession {
  const access = loadClusterAccess(flags);
  const http = new HttpTransport({ server: access.server, token: access.token, ca: access.ca, insecureSkipTlsVerify: access.insecureSkipTlsVerify, userAgent: 'ove/v0.1.0' });
  const client = new Client(new ReachableTransport(http, access.server));
  let discovery: Promise<ApiResource[]> | undefined;
  return {
    access,
    client,
    resources: () => (discovery ??= discoverApiResources(client)),
    close: () => http.close(),
  };
}
