/** Every core/v1 kind ove serves. */
import type { ResourceDef } from '../types.js';
import { bindingDef } from './binding.js';
import { configMapDef } from './configmap.js';
import { endpointsDef } from './endpoints.js';
import { coreEventDef } from './event.js';
import { limitRangeDef } from './limit-range.js';
import { namespaceDef } from './namespace.js';
import { nodeDef } from './node.js';
import { persistentVolumeClaimDef } from './persistent-volume-claim.js';
import { persistentVolumeDef } from './persistent-volume.js';
import { podDef } from './pod.js';
import { resourceQuotaDef } from './resource-quota.js';
import { secretDef } from './secret.js';
import { serviceAccountDef } from './serviceaccount.js';
import { serviceDef } from './service.js';

/** core/v1 ResourceDefs. */
export const coreResources: ResourceDef[] = [
  namespaceDef, nodeDef, podDef, serviceDef, endpointsDef, configMapDef, secretDef, serviceAccountDef,
  persistentVolumeDef, persistentVolumeClaimDef, coreEventDef, resourceQuotaDef, limitRangeDef, bindingDef,
];
