/**
 * kubevirt.io/v1 Volume and Network sources.
 * Field names from kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/schema.go`.
 */
import type { JSONSchema } from '../types.js';
import { localRef } from './core-schemas.js';
import { arr, bool, empty, free, int32, obj, quantity, str } from './schema-kit.js';

/** cloudInitNoCloud / cloudInitConfigDrive share one shape. */
function cloudInit(): JSONSchema {
  return obj({
    secretRef: localRef(),
    userDataBase64: str(),
    userData: str(),
    networkDataSecretRef: localRef(),
    networkDataBase64: str(),
    networkData: str(),
  });
}

const pvcSource = () => obj({ claimName: str(), readOnly: bool(), hotpluggable: bool() }, ['claimName']);
const labelled = { optional: bool(), volumeLabel: str() };

/** Volume: a name plus exactly one source (the webhook enforces "one"). */
export const volumeSchema: JSONSchema = obj(
  {
    name: str(),
    hostDisk: obj({ path: str(), type: str(), capacity: quantity(), shared: bool() }, ['path', 'type']),
    persistentVolumeClaim: pvcSource(),
    cloudInitNoCloud: cloudInit(),
    cloudInitConfigDrive: cloudInit(),
    sysprep: obj({ secret: localRef(), configMap: localRef() }),
    containerDisk: obj(
      { image: str(), imagePullSecret: str(), path: str(), imagePullPolicy: str() },
      ['image'],
    ),
    ephemeral: obj({ persistentVolumeClaim: obj({ claimName: str(), readOnly: bool() }, ['claimName']) }),
    emptyDisk: obj({ capacity: quantity() }, ['capacity']),
    dataVolume: obj({ name: str(), hotpluggable: bool() }, ['name']),
    configMap: obj({ name: str(), ...labelled }),
    secret: obj({ secretName: str(), ...labelled }),
    downwardAPI: obj({ fields: arr(free()), volumeLabel: str() }),
    serviceAccount: obj({ serviceAccountName: str() }),
    downwardMetrics: empty(),
    memoryDump: obj({ claimName: str(), readOnly: bool(), hotpluggable: bool() }, ['claimName']),
  },
  ['name'],
);

/** Network: a name plus `pod` or `multus`. */
export const networkSchema: JSONSchema = obj(
  {
    name: str(),
    pod: obj({ vmNetworkCIDR: str(), vmIPv6NetworkCIDR: str() }),
    multus: obj({ networkName: str(), default: bool() }, ['networkName']),
  },
  ['name'],
);

/** AccessCredential (ssh keys and passwords propagated into the guest). */
export const accessCredentialSchema: JSONSchema = obj({
  sshPublicKey: obj(
    {
      source: obj({ secret: obj({ secretName: str() }, ['secretName']) }),
      propagationMethod: obj({
        configDrive: empty(),
        noCloud: empty(),
        qemuGuestAgent: obj({ users: arr(str()) }, ['users']),
      }),
    },
    ['source', 'propagationMethod'],
  ),
  userPassword: obj(
    {
      source: obj({ secret: obj({ secretName: str() }, ['secretName']) }),
      propagationMethod: obj({ qemuGuestAgent: empty() }),
    },
    ['source', 'propagationMethod'],
  ),
});

/** A probe (readiness/liveness) on the VMI; guest-agent ping is KubeVirt's addition. */
export const probeSchema: JSONSchema = obj({
  exec: obj({ command: arr(str()) }),
  httpGet: free(),
  tcpSocket: free(),
  guestAgentPing: empty(),
  initialDelaySeconds: int32(),
  timeoutSeconds: int32(),
  periodSeconds: int32(),
  successThreshold: int32(),
  failureThreshold: int32(),
});
