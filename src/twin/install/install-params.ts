/**
 * Parameters of the bare-metal IPI install model (story chapter 2). Host provisioning
 * time is derived from what a host does: power on through its BMC, boot the RHCOS
 * live ISO over virtual media, POST, and join; the rest are the installer's and
 * operators' own waits.
 */
export const INSTALL_PARAMS = {
  /** Bootstrap VM boot and bootkube bringing up the temporary etcd and API (story: T+5). */
  bootstrapSeconds: 300,
  /** The installer starts provisioning control-plane hosts after the temporary control plane is up (story: T+10). */
  controlPlaneStartSeconds: 600,
  /** BMC power-on to firmware start. */
  powerOnSeconds: 20,
  /** RHCOS live ISO streamed over the BMC's virtual media. */
  isoBytes: 1.1e9,
  /** iLO 6 virtual media throughput (~100 Mbit/s). */
  virtualMediaBytesPerSecond: 12e6,
  /** DL380 Gen11 power-on self test with 1 TiB of memory. */
  postSeconds: 70,
  /** Ironic attaches virtual media to one host at a time per conductor: hosts start this far apart. */
  controlPlaneStaggerSeconds: 60,
  workerStaggerSeconds: 37.5,
  /** From the third control-plane node to a 3-member etcd with the control plane moved off the bootstrap (story: T+20). */
  etcdQuorumSeconds: 300,
  /** The API VIP moves to the masters; the installer then reports the API up (story: T+22, +14 s). */
  apiVipSeconds: 120,
  apiUpAfterWaitSeconds: 14,
  /** Bootstrap teardown (story: T+30). */
  bootstrapTeardownSeconds: 1800,
  /**
   * The machine-api operator starts provisioning workers through Metal3. The story says T+35,
   * but its node ages at T+55 put the first worker's join at T+37; with ~3 minutes per host the
   * provisioning must start at T+34, which is what ove uses (docs/twin.md).
   */
  workerStartSeconds: 2040,
  /** Cluster operators settle after the last worker joins (story: T+60). */
  operatorsSettleSeconds: 1080,
};

/** Seconds for one host from BMC power-on to a registered Node. */
export function hostProvisionSeconds(p = INSTALL_PARAMS): number {
  return p.powerOnSeconds + p.isoBytes / p.virtualMediaBytesPerSecond + p.postSeconds;
}
