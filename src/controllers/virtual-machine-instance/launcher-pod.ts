/**
 * The virt-launcher pod of a VMI, as virt-controller's template service renders it
 * (kubevirt/kubevirt `pkg/virt-controller/services/template.go`): generateName
 * `virt-launcher-<vmi>-`, the labels KubeVirt selects launcher pods by, the compute
 * container with the computed resources and the KVM device, the VMI's node
 * selector plus `kubevirt.io/schedulable`, its affinity and tolerations, and one pod
 * volume per PVC or DataVolume disk.
 */
import type { KubeObject } from '../../api/types.js';
import type { Vmi } from '../virtual-machine/kubevirt-types.js';
import { launcherResources } from './launcher-resources.js';

/** The launcher image of the platform's KubeVirt (OpenShift Virtualization 4.16's virt-launcher). */
export const LAUNCHER_IMAGE = 'registry.redhat.io/container-native-virtualization/virt-launcher-rhel9:v4.16.3';
/** Default VMI termination grace period (KubeVirt `DefaultGracePeriodSeconds`, 30 s); the pod gets 15 s more. */
export const DEFAULT_GRACE_SECONDS = 30;

/** Label keys on launcher pods. */
export const LAUNCHER_LABELS = { app: 'kubevirt.io', createdBy: 'kubevirt.io/created-by', vmName: 'vm.kubevirt.io/name' };

/** The launcher pod of a VMI. */
export function launcherPod(vmi: Vmi): KubeObject {
  const spec = vmi.spec;
  const { requests, limits } = launcherResources(spec);
  const grace = spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const volumes = (spec.volumes ?? []).flatMap((v) => {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    return claim ? [{ name: v.name, persistentVolumeClaim: { claimName: claim, ...(v.persistentVolumeClaim?.readOnly ? { readOnly: true } : {}) } }] : [];
  });
  const multus = (spec.networks ?? []).filter((n) => n.multus).map((n) => ({ name: n.multus!.networkName.split('/').pop()!, namespace: n.multus!.networkName.includes('/') ? n.multus!.networkName.split('/')[0] : vmi.metadata.namespace, interface: `pod${hash(n.name)}` }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `virt-launcher-${vmi.metadata.name}-`,
      namespace: vmi.metadata.namespace,
      labels: { ...(vmi.metadata.labels ?? {}), [LAUNCHER_LABELS.app]: 'virt-launcher', [LAUNCHER_LABELS.createdBy]: vmi.metadata.uid!, [LAUNCHER_LABELS.vmName]: vmi.metadata.name! },
      annotations: {
        'kubevirt.io/domain': vmi.metadata.name!,
        'kubectl.kubernetes.io/default-container': 'compute',
        'post.hook.backup.velero.io/container': 'compute',
        'post.hook.backup.velero.io/command': `["/usr/bin/virt-freezer", "--unfreeze", "--name", "${vmi.metadata.name}", "--namespace", "${vmi.metadata.namespace}"]`,
        ...(multus.length ? { 'k8s.v1.cni.cncf.io/networks': JSON.stringify(multus) } : {}),
      },
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', name: vmi.metadata.name!, uid: vmi.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      hostname: spec.hostname ?? vmi.metadata.name,
      ...(spec.subdomain ? { subdomain: spec.subdomain } : {}),
      nodeSelector: { ...(spec.nodeSelector ?? {}), 'kubevirt.io/schedulable': 'true' },
      ...(spec.affinity ? { affinity: spec.affinity } : {}),
      ...(spec.tolerations ? { tolerations: spec.tolerations } : {}),
      ...(spec.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
      ...(spec.schedulerName ? { schedulerName: spec.schedulerName } : {}),
      terminationGracePeriodSeconds: grace + 15,
      automountServiceAccountToken: false,
      restartPolicy: 'Never',
      containers: [{
        name: 'compute',
        image: LAUNCHER_IMAGE,
        command: ['/usr/bin/virt-launcher-monitor', '--qemu-timeout', '300s', '--name', vmi.metadata.name, '--uid', vmi.metadata.uid, '--namespace', vmi.metadata.namespace, '--kubevirt-share-dir', '/var/run/kubevirt', '--ephemeral-disk-dir', '/var/run/kubevirt-ephemeral-disks', '--container-disk-dir', '/var/run/kubevirt/container-disks', '--grace-period-seconds', String(grace + 15), '--hook-sidecars', '0', '--ovmf-path', '/usr/share/OVMF'],
        resources: Object.keys(limits).length ? { requests, limits } : { requests },
        volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: `/var/run/kubevirt-private/vmi-disks/${v.name}` })),
      }],
      volumes,
    },
  };
}

function hash(s: string): string {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 11);
}
