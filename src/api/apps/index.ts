/** Every apps/v1 kind ove serves. */
import type { ResourceDef } from '../types.js';
import { controllerRevisionDef } from './controllerrevision.js';
import { daemonSetDef } from './daemonset.js';
import { deploymentDef } from './deployment.js';
import { replicaSetDef } from './replicaset.js';
import { statefulSetDef } from './statefulset.js';

/** apps/v1 ResourceDefs. */
export const appsResources: ResourceDef[] = [deploymentDef, statefulSetDef, daemonSetDef, replicaSetDef, controllerRevisionDef];
