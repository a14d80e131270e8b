/**
 * config.openshift.io/v1 OAuth and APIServer (cluster-scoped, named `cluster`). Field names
 * from openshift/api `config/v1/types_oauth.go` and `types_apiserver.go` (see identity.md).
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int32, obj, oneOf, str, strs } from '../kubevirt/schema-kit.js';

const G = 'config.openshift.io';
const ref = () => obj({ name: str() }, ['name']);

const ldap = obj({
  url: str(),
  bindDN: str(),
  bindPassword: ref(),
  insecure: bool(),
  ca: ref(),
  attributes: obj({ id: strs(), preferredUsername: strs(), name: strs(), email: strs() }),
});

const oidcClaims = obj({ preferredUsername: strs(), name: strs(), email: strs(), groups: strs() });

/** IdentityProvider: name, mappingMethod, type and the block of that type. */
const identityProvider: JSONSchema = obj({
  name: str(),
  mappingMethod: str(),
  type: oneOf('BasicAuth', 'GitHub', 'GitLab', 'Google', 'HTPasswd', 'Keystone', 'LDAP', 'OpenID', 'RequestHeader'),
  basicAuth: obj({ url: str(), ca: ref(), tlsClientCert: ref(), tlsClientKey: ref() }),
  github: obj({ clientID: str(), clientSecret: ref(), organizations: strs(), teams: strs(), hostname: str(), ca: ref() }),
  gitlab: obj({ clientID: str(), clientSecret: ref(), url: str(), ca: ref() }),
  google: obj({ clientID: str(), clientSecret: ref(), hostedDomain: str() }),
  htpasswd: obj({ fileData: ref() }),
  keystone: obj({ url: str(), ca: ref(), tlsClientCert: ref(), tlsClientKey: ref(), domainName: str() }),
  ldap,
  openID: obj({
    clientID: str(), clientSecret: ref(), ca: ref(), extraScopes: strs(), extraAuthorizeParameters: { type: 'object', additionalProperties: str() },
    issuer: str(), claims: oidcClaims,
  }),
  requestHeader: obj({
    loginURL: str(), challengeURL: str(), ca: ref(), clientCommonNames: strs(), headers: strs(),
    preferredUsernameHeaders: strs(), nameHeaders: strs(), emailHeaders: strs(),
  }),
});

/** OAuth. */
export const oauthDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'OAuth', plural: 'oauths', namespaced: false, subresources: ['status'],
  spec: obj({
    identityProviders: arr(identityProvider),
    tokenConfig: obj({ accessTokenMaxAgeSeconds: int32(), accessTokenInactivityTimeoutSeconds: int32(), accessTokenInactivityTimeout: str() }),
    templates: obj({ login: ref(), providerSelection: ref(), error: ref() }),
  }),
  status: obj({}),
  required: ['spec'],
});

/** APIServer. */
export const apiServerDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'APIServer', plural: 'apiservers', namespaced: false, subresources: ['status'],
  spec: obj({
    servingCerts: obj({ namedCertificates: arr(obj({ names: strs(), servingCertificate: ref() })) }),
    clientCA: ref(),
    additionalCORSAllowedOrigins: strs(),
    encryption: obj({
      type: oneOf('', 'identity', 'aescbc', 'aesgcm', 'KMS'),
      kms: free(),
    }),
    tlsSecurityProfile: obj({
      type: oneOf('Old', 'Intermediate', 'Modern', 'Custom'),
      old: free(), intermediate: free(), modern: free(),
      custom: obj({ ciphers: strs(), minTLSVersion: str() }),
    }),
    audit: obj({
      profile: oneOf('Default', 'WriteRequestBodies', 'AllRequestBodies', 'None'),
      customRules: arr(obj({ group: str(), profile: str() }, ['group', 'profile'])),
    }),
  }),
  status: obj({}),
  required: ['spec'],
});
