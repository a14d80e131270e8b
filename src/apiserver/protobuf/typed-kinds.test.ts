import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { decodeProtobufObject, encodeProtobufObject, MAGIC } from './envelope.js';
import { messageType } from './schema.js';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

// Request bodies of the typed `kubectl create` commands, captured from kubectl v1.32 by fixtures/capture.ts.
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}.bin`, import.meta.url)));
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', ...extra });
const template = (name: string, container: Record<string, unknown>, restartPolicy?: string) => ({
  metadata: {}, spec: { containers: [{ name, image: 'busybox:1.36', ...container, resources: {} }], ...(restartPolicy ? { restartPolicy } : {}) },
});

describe('decodeProtobufObject() on the typed create commands', () => {
  it.each<[string, unknown]>([
    ['deployment-multi', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('multi', { labels: { app: 'multi' } }), status: {},
      spec: { replicas: 3, selector: { matchLabels: { app: 'multi' } }, strategy: {},
        template: { metadata: { labels: { app: 'multi' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {} }, { name: 'redis', image: 'redis:7', resources: {} }] } } } }],
    // --replicas=0 is a pointer set to zero: kept, not dropped as an empty value.
    ['deployment-cmd', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('cmd', { labels: { app: 'cmd' } }), status: {},
      spec: { replicas: 0, selector: { matchLabels: { app: 'cmd' } }, strategy: {},
        template: { metadata: { labels: { app: 'cmd' } }, spec: { containers: [{ name: 'busybox', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ containerPort: 8080 }], resources: {} }] } } } }],
    ['service-clusterip', { apiVersion: 'v1', kind: 'Service', metadata: meta('web', { labels: { app: 'web' } }), status: { loadBalancer: {} },
      spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }, { name: '443', protocol: 'TCP', port: 443, targetPort: 443 }] } }],
    ['service-headless', { apiVersion: 'v1', kind: 'Service', metadata: meta('hl', { labels: { app: 'hl' } }), status: { loadBalancer: {} }, spec: { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'hl' } } }],
    ['service-nodeport', { apiVersion: 'v1', kind: 'Service', metadata: meta('np', { labels: { app: 'np' } }), status: { loadBalancer: {} },
      spec: { type: 'NodePort', selector: { app: 'np' }, ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] } }],
    // A named target port is the string half of an IntOrString.
    ['service-loadbalancer', { apiVersion: 'v1', kind: 'Service', metadata: meta('lb', { labels: { app: 'lb' } }), status: { loadBalancer: {} },
      spec: { type: 'LoadBalancer', selector: { app: 'lb' }, ports: [{ name: '443-https', protocol: 'TCP', port: 443, targetPort: 'https' }] } }],
    ['service-externalname', { apiVersion: 'v1', kind: 'Service', metadata: meta('ext', { labels: { app: 'ext' } }), status: { loadBalancer: {} },
      spec: { type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'ext' } } }],
    ['quota-q1', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('q1'), status: {}, spec: { hard: { cpu: '2', memory: '4Gi', pods: '10' }, scopes: ['NotBestEffort'] } }],
    ['pdb-min', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('pdb1'), spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } }],
    ['pdb-max', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('pdb2'),
      spec: { maxUnavailable: '25%', selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } }],
    ['ingress-ing1', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('ing1', { annotations: { team: 'web' } }), status: { loadBalancer: {} },
      spec: {
        ingressClassName: 'nginx', defaultBackend: { service: { name: 'defsvc', port: { number: 80 } } }, tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }],
        rules: [
          { host: 'foo.com', http: { paths: [{ path: '/path', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 8080 } } } }] } },
          { host: 'bar.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: { service: { name: 'svc2', port: { name: 'http' } } } }] } },
        ],
      } }],
    ['job-j1', { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('j1'), status: {}, spec: { template: template('j1', { command: ['echo', 'hi'] }, 'Never') } }],
    ['cronjob-cj1', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('cj1'), status: {},
      spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'cj1' }, spec: { template: template('cj1', { command: ['date'] }, 'Never') } } } }],
    ['priorityclass-high', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, globalDefault: true, description: 'high priority', preemptionPolicy: 'Never' }],
    // value has no omitempty: a zero priority is still shown.
    ['priorityclass-zero', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'zero' }, value: 0, preemptionPolicy: 'PreemptLowerPriority' }],
  ])('%s', (name, expected) => {
    expect(decodeProtobufObject(fixture(name))).toEqual(expected);
  });
});

describe('encodeProtobufObject() on pod templates', () => {
  it('round-trips inlined structs, IntOrStrings, quantities and pointer zeros', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2, revisionHistoryLimit: 0, paused: true, selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '50%' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            terminationGracePeriodSeconds: 0, automountServiceAccountToken: false, nodeSelector: { disk: 'ssd' },
            tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }],
            volumes: [{ name: 'cfg', configMap: { name: 'app-cfg', defaultMode: 420, items: [{ key: 'a', path: 'a.conf' }] } }, { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
            containers: [{
              name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
              env: [{ name: 'A', value: '1' }, { name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: false } } }],
              resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 3 },
              volumeMounts: [{ name: 'cfg', mountPath: '/etc/app', readOnly: true }],
              securityContext: { runAsNonRoot: true, runAsUser: 0, capabilities: { drop: ['ALL'] } },
            }],
          },
        },
      },
      status: { replicas: 2, conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2026-11-21T13:00:05Z', reason: 'MinimumReplicasAvailable' }] },
    };
    expect(decodeProtobufObject(encodeProtobufObject(d))).toEqual(d);
  });
});

describe('fields ove does not know', () => {
  const sub = (no: number, bytes: Uint8Array) => protobuf.Writer.create().uint32((no << 3) | 2).bytes(bytes).finish();
  const str = (no: number, s: string) => protobuf.Writer.create().uint32((no << 3) | 2).string(s).finish();
  const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const envelope = (apiVersion: string, kind: string, raw: Uint8Array) => {
    const unknown = messageType('Unknown');
    return cat(MAGIC, unknown.encode(unknown.fromObject({ typeMeta: { apiVersion, kind }, raw })).finish());
  };
  const statusOf = (fn: () => unknown) => {
    try { fn(); } catch (e) { return (e as StatusError).toStatus(); }
    throw new Error('did not throw');
  };

  it('refuse with 415 a deprecated volume plugin deep in a pod template, naming kind, field and place', () => {
    // Volume{name, gcePersistentDisk (VolumeSource field 3, left out of ove's messages){pdName}}
    const volume = cat(str(1, 'disk'), sub(2, sub(3, str(1, 'pd-1'))));
    const podSpec = cat(sub(1, volume), sub(2, str(1, 'c')));
    const deployment = cat(sub(1, str(1, 'web')), sub(2, sub(3, sub(2, podSpec))));
    expect(statusOf(() => decodeProtobufObject(envelope('apps/v1', 'Deployment', deployment)))).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 415, reason: 'UnsupportedMediaType',
      message: 'the protobuf body of this apps/v1 Deployment carries field 3 of VolumeSource at spec.template.spec.volumes[0], which is not decodable by ove; send the object as application/json or application/yaml instead',
    });
  });
  it('refuse a top-level field from a newer Kubernetes', () => {
    const pc = cat(sub(1, str(1, 'p')), protobuf.Writer.create().uint32((2 << 3) | 0).int32(5).finish(), str(9, 'future'));
    const status = statusOf(() => decodeProtobufObject(envelope('scheduling.k8s.io/v1', 'PriorityClass', pc)));
    expect(status).toMatchObject({ code: 415, message: expect.stringMatching(/^the protobuf body of this scheduling\.k8s\.io\/v1 PriorityClass carries field 9 of PriorityClass, which is not decodable/) });
  });
  it('decode the same body without the unknown field', () => {
    const pc = cat(sub(1, str(1, 'p')), protobuf.Writer.create().uint32((2 << 3) | 0).int32(5).finish());
    expect(decodeProtobufObject(envelope('scheduling.k8s.io/v1', 'PriorityClass', pc))).toEqual({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 5 });
  });
});

describe('encodeProtobufObject() of objects its messages cannot hold', () => {
  it('answers 406 rather than dropping the field', () => {
    const vol = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { volumes: [{ name: 'v', gcePersistentDisk: { pdName: 'x' } }], containers: [] } } } };
    expect(() => encodeProtobufObject(vol)).toThrow(expect.objectContaining({ code: 406 }));
    const top = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 1, futureField: true };
    expect(() => encodeProtobufObject(top)).toThrow(expect.objectContaining({ code: 406 }));
  });
});
