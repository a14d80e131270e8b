/** An authenticated identity, as kube's `user.Info` carries it. */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The identity of in-process controllers (kube's loopback client is system:apiserver in system:masters). */
export const LOOPBACK_USER: UserInfo = { name: 'system:apiserver', uid: 'loopback', groups: ['system:authenticated', 'system:masters'] };
