import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import { strategicMergePatch } from './strategic-merge.js';
import type { JsonObject } from './json-value.js';
import { DEPLOYMENT, resolve } from './test-schemas.js';

function deployment(): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['a', 'b'] },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
            { name: 'sidecar', image: 'busybox', args: ['sleep', '1d'] },
          ],
          volumes: [{ name: 'cfg', configMap: { name: 'web-cfg' } }],
          tolerations: [{ key: 'k1', operator: 'Exists' }],
        },
      },
    },
  };
}

const smp = (patch: JsonObject, live = deployment()) => strategicMergePatch(live, patch, DEPLOYMENT, resolve);
const podSpec = (d: JsonObject) => ((d.spec as any).template.spec) as any;

describe('strategicMergePatch()', () => {
  it('merges containers by name and env by name', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'B', value: '3' }] }] } } } });
    const [nginx, sidecar] = podSpec(out).containers;
    expect(nginx).toEqual({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }] });
    expect(sidecar.name).toBe('sidecar');
  });

  it('puts a container that is new to the list first, as kube does without $setElementOrder', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'log', image: 'fluentbit' }] } } } });
    expect(podSpec(out).containers.map((c: any) => c.name)).toEqual(['log', 'nginx', 'sidecar']);
  });

  it('orders by $setElementOrder when given (as kubectl apply sends it)', () => {
    const out = smp({
      spec: { template: { spec: { $setElementOrder: undefined, '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }, { name: 'log' }], containers: [{ name: 'log', image: 'fluentbit' }] } } },
    } as unknown as JsonObject);
    expect(podSpec(out).containers.map((c: any) => c.name)).toEqual(['nginx', 'sidecar', 'log']);
  });

  it('applies the patch kubectl apply sends to drop a container ($setElementOrder + $patch: delete)', () => {
    const patch = { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ $patch: 'delete', name: 'sidecar' }, { name: 'nginx', image: 'nginx:1.27' }] } } } };
    const out = smp(patch as unknown as JsonObject);
    expect(podSpec(out).containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['nginx=nginx:1.27']);
  });

  it('orders a primitive list by $setElementOrder while $deleteFromPrimitiveList removes values', () => {
    const patch = { metadata: { '$setElementOrder/finalizers': ['c', 'b'], finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } };
    expect((smp(patch as unknown as JsonObject).metadata as any).finalizers).toEqual(['c', 'b']);
  });

  it('merges ports by containerPort', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] } } } });
    expect(podSpec(out).containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }]);
  });

  it('deletes a container with $patch: delete', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } });
    expect(podSpec(out).containers.map((c: any) => c.name)).toEqual(['nginx']);
  });

  it('replaces the whole list with a $patch: replace item', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } } } });
    expect(podSpec(out).containers).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('replaces lists without a patch strategy (tolerations, args)', () => {
    const out = smp({ spec: { template: { spec: { tolerations: [{ key: 'k2', operator: 'Exists' }], containers: [{ name: 'sidecar', args: ['sleep', '2d'] }] } } } });
    expect(podSpec(out).tolerations).toEqual([{ key: 'k2', operator: 'Exists' }]);
    expect(podSpec(out).containers[1].args).toEqual(['sleep', '2d']);
  });

  it('uses $retainKeys to switch a volume source', () => {
    const out = smp({ spec: { template: { spec: { volumes: [{ name: 'cfg', emptyDir: {}, $retainKeys: ['emptyDir', 'name'] }] } } } });
    expect(podSpec(out).volumes).toEqual([{ name: 'cfg', emptyDir: {} }]);
  });

  it('clears rollingUpdate when $retainKeys omits it (strategy: Recreate)', () => {
    const out = smp({ spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } });
    expect((out.spec as any).strategy).toEqual({ type: 'Recreate' });
  });

  it('merges finalizers as a set and deletes with $deleteFromPrimitiveList', () => {
    expect((smp({ metadata: { finalizers: ['c', 'a'] } }).metadata as any).finalizers).toEqual(['c', 'a', 'b']);
    expect((smp({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata as any).finalizers).toEqual(['b']);
  });

  it('deletes a key with null and a map with $patch: delete, replaces a map with $patch: replace', () => {
    const out = smp({ metadata: { labels: { app: null, tier: 'fe' } }, spec: { selector: { $patch: 'replace', matchLabels: { x: 'y' } }, strategy: { $patch: 'delete' } } });
    expect((out.metadata as any).labels).toEqual({ tier: 'fe' });
    expect((out.spec as any).selector).toEqual({ matchLabels: { x: 'y' } });
    expect((out.spec as any).strategy).toEqual({});
  });

  it('resolves directives inside values that are new to the object', () => {
    const live = deployment();
    delete (podSpec(live) as any).volumes;
    const out = smp({ spec: { template: { spec: { volumes: [{ name: 'v', emptyDir: { medium: null } }] } } } }, live);
    expect(podSpec(out).volumes).toEqual([{ name: 'v', emptyDir: {} }]);
  });

  it.each([
    { name: 'a bad $retainKeys', patch: { spec: { strategy: { type: 'Recreate', $retainKeys: 'type' } } }, code: 400, message: 'invalid patch format of retainKeys' },
    { name: 'a key outside $retainKeys', patch: { spec: { strategy: { type: 'Recreate', $retainKeys: ['rollingUpdate'] } } }, code: 400, message: 'invalid patch format of retainKeys' },
    { name: 'a bad $setElementOrder', patch: { spec: { template: { spec: { '$setElementOrder/containers': 'x' } } } }, code: 400, message: 'invalid patch format of setElementOrder list' },
    { name: 'a list item without its merge key', patch: { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, code: 500, message: 'map: map[image:x] does not contain declared merge key: name' },
    { name: 'mixed list element types', patch: { metadata: { finalizers: [['x']] } }, code: 500, message: 'list element types are not identical: [[a b] [[x]]]' },
    { name: 'a list of lists', patch: { metadata: { finalizers: [['x']] } }, live: { metadata: { finalizers: [['a']] } }, code: 422, message: 'the server rejected our request due to an error in our request' },
  ])('answers $code for $name', ({ patch, code, message, live }) => {
    let err: StatusError | undefined;
    try {
      smp(patch as unknown as JsonObject, (live as JsonObject | undefined) ?? deployment());
    } catch (e) {
      err = e as StatusError;
    }
    expect(err?.code).toBe(code);
    expect(err?.message).toBe(message);
  });
});
