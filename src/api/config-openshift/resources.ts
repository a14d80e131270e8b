/** Every config.openshift.io/v1 kind served (all cluster-scoped). */
import type { ResourceDef } from '../types.js';
import { dnsDef, featureGateDef, infrastructureDef, ingressDef, networkDef, proxyDef } from './cluster-config.js';
import { clusterOperatorDef, clusterVersionDef } from './cluster-version.js';
import { apiServerDef, oauthDef } from './oauth-apiserver.js';

/** ClusterVersion, ClusterOperator, OAuth, APIServer, Infrastructure, Network, DNS, Ingress, FeatureGate, Proxy. */
export const configOpenshiftResources: ResourceDef[] = [
  clusterVersionDef, clusterOperatorDef, oauthDef, apiServerDef,
  infrastructureDef, networkDef, dnsDef, ingressDef, featureGateDef, proxyDef,
];
