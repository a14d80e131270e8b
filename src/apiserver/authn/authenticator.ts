/**
 * Bearer-token authentication: static tokens (the admin credential `ove up` writes
 * into the kubeconfig) and ServiceAccount tokens (RS256 JWTs this server signs, bound
 * to the ServiceAccount's uid as kube's bound tokens are). Anonymous requests get 401.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { StatusError } from '../../api/errors.js';
import type { UserInfo } from './user.js';

/** Finds who a request is from. */
export interface Authenticator {
  /** The user, or undefined when no credential was presented or it is not valid. */
  authenticate(headers: IncomingHttpHeaders): Promise<UserInfo | undefined> | UserInfo | undefined;
}

/** Looks a ServiceAccount up by namespace/name, returning its uid (undefined when it does not exist). */
export type ServiceAccountLookup = (namespace: string, name: string) => string | undefined;

/** The 401 kube-apiserver answers to an unauthenticated request. */
export function unauthorized(): StatusError {
  return new StatusError('Unauthorized', 'Unauthorized');
}

/** JWT claims of a ServiceAccount token (kube's `kubernetes.io` private claims). */
interface SaClaims {
  iss: string;
  sub: string;
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
}

/** The issuer kube uses by default for in-cluster tokens. */
export const SA_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** Signs and verifies ServiceAccount tokens with one RSA key. */
export class ServiceAccountTokens {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(privateKeyPem?: string) {
    this.privateKey = privateKeyPem ? createPrivateKey(privateKeyPem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    this.publicKey = createPublicKey(this.privateKey);
  }

  /** The private key as PEM, to keep in the data dir. */
  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  /** Issues a token for a ServiceAccount (TokenRequest), valid for `seconds`. */
  issue(namespace: string, name: string, uid: string, nowMs: number, seconds = 3600, audiences = [SA_ISSUER]): string {
    const iat = Math.floor(nowMs / 1000);
    const claims: SaClaims = { iss: SA_ISSUER, sub: `system:serviceaccount:${namespace}:${name}`, aud: audiences, iat, nbf: iat, exp: iat + seconds, 'kubernetes.io': { namespace, serviceaccount: { name, uid } } };
    const head = b64(JSON.stringify({ alg: 'RS256', kid: 'ove' }));
    const body = b64(JSON.stringify(claims));
    const sig = sign('sha256', Buffer.from(`${head}.${body}`), this.privateKey).toString('base64url');
    return `${head}.${body}.${sig}`;
  }

  /** Verifies a token and returns its claims, or undefined. */
  verify(token: string, nowMs: number): SaClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], 'base64url'));
    if (!ok) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as SaClaims;
      if (claims.iss !== SA_ISSUER || claims.exp * 1000 < nowMs) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}

function b64(s: string): string {
  return Buffer.from(s).toString('base64url');
}

/** Static tokens plus ServiceAccount tokens. */
export class TokenAuthenticator implements Authenticator {
  constructor(
    private readonly staticTokens: Map<string, UserInfo>,
    private readonly sa: ServiceAccountTokens,
    private readonly lookup: ServiceAccountLookup,
    private readonly now: () => number,
  ) {}

  authenticate(headers: IncomingHttpHeaders): UserInfo | undefined {
    const auth = headers.authorization;
    if (!auth || !/^bearer /i.test(auth)) return undefined;
    const token = auth.slice(7).trim();
    const user = this.staticTokens.get(token);
    if (user) return user;
    const claims = this.sa.verify(token, this.now());
    if (!claims) return undefined;
    const { namespace, serviceaccount } = claims['kubernetes.io'];
    // Bound tokens die with their ServiceAccount: a recreated account has a new uid.
    if (this.lookup(namespace, serviceaccount.name) !== serviceaccount.uid) return undefined;
    return {
      name: claims.sub,
      uid: serviceaccount.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
    };
  }
}
