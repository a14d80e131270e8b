/** batch/v1 ResourceDefs: Jobs and CronJobs (served and validated; ove runs no controller for them). */
import type { ResourceDef } from '../types.js';
import { cronJobDef } from './cron-job.js';
import { jobDef } from './job.js';

/** batch/v1 ResourceDefs. */
export const batchResources: ResourceDef[] = [jobDef, cronJobDef];
