import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../types.js';
import { hyperConvergedDef } from './resources.js';

const spec = () => ((hyperConvergedDef.schema.properties as Record<string, JSONSchema>).spec!.properties ?? {}) as Record<string, JSONSchema>;

describe('hyperConvergedDef', () => {
  it('carries HCO\'s schema defaults for live migration and workload updates', () => {
    expect(spec().liveMigrationConfig!.default).toEqual({
      completionTimeoutPerGiB: 150, parallelMigrationsPerCluster: 5, parallelOutboundMigrationsPerNode: 2,
      progressTimeout: 150, allowAutoConverge: false, allowPostCopy: false,
    });
    expect(spec().workloadUpdateStrategy!.default).toEqual({
      workloadUpdateMethods: ['LiveMigrate'], batchEvictionSize: 10, batchEvictionInterval: '1m0s',
    });
    expect(spec().uninstallStrategy!.default).toBe('BlockUninstallIfWorkloadsExist');
  });

  it('has a closed spec without the story\'s workloadEvaluationFrequency', () => {
    const root = (hyperConvergedDef.schema.properties as Record<string, JSONSchema>).spec!;
    expect(root['x-kubernetes-preserve-unknown-fields']).toBeUndefined();
    expect(spec().workloadEvaluationFrequency).toBeUndefined();
    expect(spec().CommonInstancetypesDeployment).toBeDefined();
  });
});
