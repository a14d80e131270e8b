import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { describeProbe, goSeconds } from './describe-containers.js';
import { describePod, podQos } from './describe-pod.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'db-0', namespace: 'probe', labels: { app: 'db' } },
  spec: {
    nodeName: 'worker-3',
    priority: 0,
    serviceAccountName: 'default',
    containers: [
      {
        name: 'main',
        image: 'registry.example.com/db:1',
        ports: [{ containerPort: 5432, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m' } },
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/pg' }],
      },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
  },
  status: { phase: 'Running', hostIP: '10.20.0.23', podIP: '10.128.2.5', podIPs: [{ ip: '10.128.2.5' }], conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'main', ready: true, restartCount: 0, containerID: 'cri-o://1', imageID: 'sha', state: { waiting: { reason: 'ContainerCreating' } } }] },
} as unknown as KubeObject;

describe('describePod()', () => {
  it('prints kubectl describe pod\'s layout, Conditions table included', () => {
    // Golden: kubectl 1.32 describe pod printed exactly this for the same object.
    expect(describePod(pod, [], Date.parse('2026-11-21T14:00:00Z'))).toBe(
      [
        'Name:             db-0',
        'Namespace:        probe',
        'Priority:         0',
        'Service Account:  default',
        'Node:             worker-3/10.20.0.23',
        'Labels:           app=db',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.128.2.5',
        'IPs:',
        '  IP:  10.128.2.5',
        'Containers:',
        '  main:',
        '    Container ID:   cri-o://1',
        '    Image:          registry.example.com/db:1',
        '    Image ID:       sha',
        '    Port:           5432/TCP',
        '    Host Port:      0/TCP',
        '    State:          Waiting',
        '      Reason:       ContainerCreating',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Requests:',
        '      cpu:  100m',
        '    Environment:',
        '      POD_NAME:  db-0 (v1:metadata.name)',
        '    Mounts:',
        '      /var/lib/pg from data (rw)',
        'Conditions:',
        '  Type    Status',
        '  Ready   True ',
        'Volumes:',
        '  data:',
        "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:      ',
        '    SizeLimit:   <unset>',
        'QoS Class:       Burstable',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('podQos() follows kube\'s rules when status has no qosClass', () => {
    const spec = (resources: object) => ({ spec: { containers: [{ name: 'c', resources }] } });
    expect(podQos(spec({}))).toBe('BestEffort');
    expect(podQos(spec({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }))).toBe('Guaranteed');
    expect(podQos(spec({ limits: { cpu: '1', memory: '1Gi' } }))).toBe('Guaranteed');
    expect(podQos(spec({ requests: { cpu: '1' } }))).toBe('Burstable');
  });

  it('describeProbe() prints probes with Go durations', () => {
    expect(describeProbe({ tcpSocket: { port: 22 }, initialDelaySeconds: 90, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })).toBe('tcp-socket :22 delay=1m30s timeout=1s period=10s #success=1 #failure=3');
    expect(goSeconds(3600)).toBe('1h0m0s');
  });
});
