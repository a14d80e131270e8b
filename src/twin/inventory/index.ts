/**
 * @module The datacenter twin's hardware inventory: loading and validating a cluster
 * definition (`install-config.yaml` + `hardware.yaml`, see docs/cluster-definition.md).
 */
export * from './cluster-definition.js';
export { loadClusterDefinition, INSTALL_CONFIG_FILE, HARDWARE_FILE } from './load-cluster-definition.js';
export { DefinitionError, formatIssue, type DefinitionIssue } from './definition-error.js';
export { bmcHost, bmcScheme } from './cross-check.js';
export { CONTINUOUS_PERCENT } from './resolve-hardware.js';
export * from './ipv4.js';
