/**
 * export.kubevirt.io/v1beta1 VirtualMachineExport (vmexport). Field names from kubevirt/kubevirt
 * `staging/src/kubevirt.io/api/export/v1beta1/types.go`; columns from crds.go.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, typedLocalRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, obj, str, time } from '../kubevirt/schema-kit.js';

const links = (): JSONSchema => obj({
  cert: str(),
  volumes: arr(obj({ name: str(), formats: arr(obj({ format: str(), url: str() }, ['format', 'url'])) }, ['name'])),
  manifests: arr(obj({ type: str(), url: str() }, ['type', 'url'])),
});

/** VirtualMachineExport. */
export const virtualMachineExportDef: ResourceDef = crd({
  group: 'export.kubevirt.io', version: 'v1beta1', kind: 'VirtualMachineExport', plural: 'virtualmachineexports',
  namespaced: true, shortNames: ['vmexport', 'vmexports'], categories: ['all'], subresources: ['status'],
  spec: obj({ source: typedLocalRef(), tokenSecretRef: str(), ttlDuration: str() }, ['source']),
  status: obj({
    phase: str(),
    links: obj({ internal: links(), external: links() }),
    tokenSecretRef: str(),
    ttlExpirationTime: time(),
    serviceName: str(),
    virtualMachineName: str(),
    conditions: conditions(),
  }),
  required: ['spec'],
  columns: [
    col('SourceKind', 'string', '.spec.source.kind'),
    col('SourceName', 'string', '.spec.source.name'),
    col('Phase', 'string', '.status.phase'),
  ],
});

/** Every export.kubevirt.io kind. */
export const exportResources: ResourceDef[] = [virtualMachineExportDef];
