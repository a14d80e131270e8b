/**
 * The part of OpenShift's `install-config.yaml` (v1) that ove reads: identity, networking and
 * the bare-metal hosts. Other fields (pullSecret, sshKey, proxy, ...) are allowed and kept.
 * Field names per openshift/installer `pkg/types/installconfig.go` and `pkg/types/baremetal`.
 */
import { Type, type Static } from '@sinclair/typebox';

const Host = Type.Object({
  name: Type.String({ minLength: 1 }),
  role: Type.Optional(Type.Union([Type.Literal('master'), Type.Literal('worker')])),
  bmc: Type.Object({
    address: Type.String({ minLength: 1 }),
    username: Type.Optional(Type.String()),
    password: Type.Optional(Type.String()),
    disableCertificateVerification: Type.Optional(Type.Boolean()),
  }),
  bootMACAddress: Type.Optional(Type.String({ pattern: '^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$' })),
  rootDeviceHints: Type.Optional(Type.Object({ deviceName: Type.Optional(Type.String()) })),
});

const MachinePool = Type.Object({
  name: Type.Optional(Type.String()),
  replicas: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** The install-config fields ove validates. */
export const InstallConfigSpec = Type.Object({
  apiVersion: Type.Literal('v1'),
  metadata: Type.Object({ name: Type.String({ minLength: 1 }) }),
  baseDomain: Type.String({ minLength: 1 }),
  networking: Type.Object({
    networkType: Type.Optional(Type.String()),
    clusterNetwork: Type.Array(Type.Object({ cidr: Type.String(), hostPrefix: Type.Integer({ minimum: 0, maximum: 128 }) }), { minItems: 1 }),
    serviceNetwork: Type.Array(Type.String(), { minItems: 1 }),
    machineNetwork: Type.Array(Type.Object({ cidr: Type.String() }), { minItems: 1 }),
  }),
  platform: Type.Object({
    baremetal: Type.Object({
      apiVIPs: Type.Optional(Type.Array(Type.String())),
      ingressVIPs: Type.Optional(Type.Array(Type.String())),
      hosts: Type.Array(Host, { minItems: 1 }),
    }),
  }),
  controlPlane: Type.Optional(MachinePool),
  compute: Type.Optional(Type.Array(MachinePool)),
});

/** `install-config.yaml` as ove reads it. */
export type InstallConfig = Static<typeof InstallConfigSpec>;
