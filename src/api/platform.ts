/**
 * The platform's own API groups (KubeVirt, CDI, networking, storage, OpenShift config, MTV,
 * monitoring), as ResourceDefs for the API server to serve beside the built-in kinds.
 */
import { cdiResources } from './cdi/resources.js';
import { cloneResources } from './clone-kubevirt/resources.js';
import { cniResources } from './cni/resources.js';
import { configOpenshiftResources } from './config-openshift/resources.js';
import { exportResources } from './export-kubevirt/resources.js';
import { forkliftResources } from './forklift/resources.js';
import { hcoResources } from './hco/resources.js';
import { instancetypeResources } from './instancetype/resources.js';
import { kubevirtResources } from './kubevirt/resources.js';
import { loggingResources } from './logging/resources.js';
import { machineConfigurationResources } from './machineconfiguration/resources.js';
import { metallbResources } from './metallb/resources.js';
import { monitoringResources } from './monitoring/resources.js';
import { nmstateResources } from './nmstate/resources.js';
import { ocsResources } from './ocs/resources.js';
import { rookResources } from './rook/resources.js';
import { localStorageResources } from './local-storage/resources.js';
import { cephOveResources } from './ceph-ove/resources.js';
import { snapshotResources } from './snapshot-kubevirt/resources.js';
import type { ResourceDef } from './types.js';
import { crd } from './kubevirt/crd-def.js';
import { obj, str } from './kubevirt/schema-kit.js';

/**
 * upload.cdi.kubevirt.io/v1beta1 UploadTokenRequest (utr): create-only and namespaced, as
 * cdi-apiserver serves it (`pkg/apiserver/apiserver.go` composeUploadTokenAPI); the hook
 * `src/apiserver/hooks/cdi-upload-token.ts` answers it and nothing is stored.
 */
export const uploadTokenRequestDef: ResourceDef = {
  ...crd({
    group: 'upload.cdi.kubevirt.io', version: 'v1beta1', kind: 'UploadTokenRequest', plural: 'uploadtokenrequests', namespaced: true,
    shortNames: ['utr', 'utrs'], spec: obj({ pvcName: str() }, ['pvcName']), status: obj({ token: str() }),
  }),
  verbs: ['create'],
  tracksGeneration: false,
};

/** Every platform kind, grouped by API group. */
export const platformResources: ResourceDef[] = [
  ...kubevirtResources,
  ...cdiResources,
  ...snapshotResources,
  ...cloneResources,
  ...exportResources,
  ...instancetypeResources,
  ...cniResources,
  ...nmstateResources,
  ...metallbResources,
  ...ocsResources,
  ...rookResources,
  ...machineConfigurationResources,
  ...configOpenshiftResources,
  ...loggingResources,
  ...forkliftResources,
  ...monitoringResources,
  ...hcoResources,
  ...localStorageResources,
  ...cephOveResources,
  uploadTokenRequestDef,
];
