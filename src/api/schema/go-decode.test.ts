import { describe, expect, it } from 'vitest';
import { QUANTITY_ERRORS } from '../../lib/quantity.js';
import { builtinDecodeError, decodeErrorMessage } from './go-decode.js';
import { SchemaRegistry } from './resolver.js';

// UnmarshalTypeError.Error() (encoding/json decode.go, which sigs.k8s.io/json forks):
// "json: cannot unmarshal <value> into Go struct field <Struct>.<field path> of type <type>".
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
const registry = new SchemaRegistry()
  .add('io.k8s.apimachinery.pkg.api.resource.Quantity', { oneOf: [{ type: 'string' }, { type: 'number' }] })
  .add('io.k8s.apimachinery.pkg.util.intstr.IntOrString', { type: 'string', format: 'int-or-string' })
  .add('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { type: 'object', properties: { name: { type: 'string' }, labels: { type: 'object', additionalProperties: { type: 'string' } } } })
  .add('io.k8s.api.core.v1.ContainerPort', { type: 'object', properties: { containerPort: { type: 'integer', format: 'int32' } } })
  .add('io.k8s.api.core.v1.Container', {
    type: 'object',
    properties: {
      name: { type: 'string' },
      ports: { type: 'array', items: ref('io.k8s.api.core.v1.ContainerPort') },
      resources: { type: 'object', properties: { limits: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') } } },
    },
  })
  .add('io.k8s.api.apps.v1.RollingUpdateDeployment', { type: 'object', properties: { maxSurge: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString') } })
  .add('io.k8s.api.apps.v1.DeploymentSpec', {
    type: 'object',
    properties: {
      replicas: { type: 'integer', format: 'int32' },
      paused: { type: 'boolean' },
      strategy: { type: 'object', properties: { rollingUpdate: ref('io.k8s.api.apps.v1.RollingUpdateDeployment') } },
      containers: { type: 'array', items: ref('io.k8s.api.core.v1.Container') },
    },
  })
  .add('io.k8s.api.apps.v1.Deployment', { type: 'object', properties: { apiVersion: { type: 'string' }, metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), spec: ref('io.k8s.api.apps.v1.DeploymentSpec') } });
const deployment = ref('io.k8s.api.apps.v1.Deployment');

describe('builtinDecodeError()', () => {
  it.each<[string, unknown, string | undefined]>([
    ['valid', { spec: { replicas: 3, containers: [{ name: 'a', ports: [{ containerPort: 80 }], resources: { limits: { cpu: 2, memory: '1Gi' } } }] } }, undefined],
    ['string for int32', { spec: { replicas: '3' } }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['int32 overflow', { spec: { replicas: 3000000000 } }, 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['float for int32', { spec: { replicas: 1.5 } }, 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['list indexes are not in the path', { spec: { containers: [{ ports: [{ containerPort: '80' }] }] } }, 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['map keys are not in the path', { metadata: { labels: { a: 1 } } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['object for a struct-typed field', { spec: 'x' }, 'json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec'],
    ['array for a bool', { spec: { paused: [] } }, 'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.paused of type bool'],
    ['first saved error wins', { spec: { replicas: 'x', paused: 'y' } }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['a bad quantity wins over earlier type errors', { spec: { replicas: 'x', containers: [{ resources: { limits: { memory: '1GB' } } }] } }, QUANTITY_ERRORS.formatWrong],
    ['IntOrString given a bool', { spec: { strategy: { rollingUpdate: { maxSurge: true } } } }, 'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
  ])('%s', (_n, obj, want) => {
    expect(builtinDecodeError(obj, deployment, registry)).toBe(want);
  });

  it('names the root struct when the schema is inline', () => {
    const cm = { type: 'object', properties: { data: { type: 'object', additionalProperties: { type: 'string' } } } };
    expect(builtinDecodeError({ data: 'x' }, cm, registry, 'v1.ConfigMap')).toBe('json: cannot unmarshal string into Go struct field ConfigMap.data of type map[string]string');
  });

  it('wraps as transformDecodeError does', () => {
    expect(decodeErrorMessage('Deployment', 'v1', 'json: x')).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: x');
  });
});
