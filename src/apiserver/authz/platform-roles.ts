/**
 * The ClusterRoles OpenShift Virtualization's operators install, which aggregate into
 * admin/edit/view: KubeVirt's (kubevirt/kubevirt `pkg/virt-operator/resource/generate/rbac/cluster.go`
 * @5a1a1a1a) and CDI's (kubevirt/containerized-data-importer `pkg/operator/resources/cluster/rbac.go`),
 * plus ove's `ceph.ove.dev:toolbox` for the CephCommand resource.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from './rbac-types.js';
import { RBAC_GROUP } from './rbac-types.js';

const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });
const SUB = 'subresources.kubevirt.io';
const READ = ['get', 'list', 'watch'];
// KubeVirt's order, kept as its operator writes it.
const ADMIN_VERBS = ['get', 'delete', 'create', 'update', 'patch', 'list', 'watch', 'deletecollection'];
const EDIT_VERBS = ['get', 'delete', 'create', 'update', 'patch', 'list', 'watch'];

const VMI_READ_SUBRESOURCES = ['virtualmachineinstances/guestosinfo', 'virtualmachineinstances/filesystemlist', 'virtualmachineinstances/userlist', 'virtualmachineinstances/sev/fetchcertchain', 'virtualmachineinstances/sev/querylaunchmeasurement'];
const KUBEVIRT_RESOURCES = ['virtualmachines', 'virtualmachineinstances', 'virtualmachineinstancepresets', 'virtualmachineinstancereplicasets', 'virtualmachineinstancemigrations'];
const INSTANCETYPE_RESOURCES = ['virtualmachineinstancetypes', 'virtualmachineclusterinstancetypes', 'virtualmachinepreferences', 'virtualmachineclusterpreferences'];

/** kubevirt.io:admin and kubevirt.io:edit share everything but deletecollection and edit's read of kubevirts. */
function kubevirtWriterRules(verbs: string[]): PolicyRule[] {
  return [
    rule([SUB], ['virtualmachineinstances/console', 'virtualmachineinstances/vnc', 'virtualmachineinstances/vnc/screenshot', 'virtualmachineinstances/portforward', ...VMI_READ_SUBRESOURCES], ['get']),
    rule([SUB], ['virtualmachineinstances/pause', 'virtualmachineinstances/unpause', 'virtualmachineinstances/addvolume', 'virtualmachineinstances/removevolume', 'virtualmachineinstances/freeze', 'virtualmachineinstances/unfreeze', 'virtualmachineinstances/softreboot', 'virtualmachineinstances/sev/setupsession', 'virtualmachineinstances/sev/injectlaunchsecret'], ['update']),
    rule([SUB], ['virtualmachines/expand-spec', 'virtualmachines/portforward'], ['get']),
    rule([SUB], ['virtualmachines/start', 'virtualmachines/stop', 'virtualmachines/restart', 'virtualmachines/addvolume', 'virtualmachines/removevolume', 'virtualmachines/migrate', 'virtualmachines/memorydump'], ['update']),
    rule([SUB], ['expand-vm-spec'], ['update']),
    rule(['kubevirt.io'], KUBEVIRT_RESOURCES, verbs),
    rule(['snapshot.kubevirt.io'], ['virtualmachinesnapshots', 'virtualmachinesnapshotcontents', 'virtualmachinerestores'], verbs),
    rule(['export.kubevirt.io'], ['virtualmachineexports'], verbs),
    rule(['clone.kubevirt.io'], ['virtualmachineclones'], verbs),
    rule(['instancetype.kubevirt.io'], INSTANCETYPE_RESOURCES, verbs),
    rule(['pool.kubevirt.io'], ['virtualmachinepools'], verbs),
  ];
}

function kubevirtViewRules(): PolicyRule[] {
  return [
    rule([SUB], ['virtualmachines/expand-spec', ...VMI_READ_SUBRESOURCES], ['get']),
    rule([SUB], ['expand-vm-spec'], ['update']),
    rule(['kubevirt.io'], KUBEVIRT_RESOURCES, READ),
    rule(['snapshot.kubevirt.io'], ['virtualmachinesnapshots', 'virtualmachinesnapshotcontents', 'virtualmachinerestores'], READ),
    rule(['export.kubevirt.io'], ['virtualmachineexports'], READ),
    rule(['clone.kubevirt.io'], ['virtualmachineclones'], READ),
    rule(['instancetype.kubevirt.io'], INSTANCETYPE_RESOURCES, READ),
    rule(['pool.kubevirt.io'], ['virtualmachinepools'], READ),
    rule(['migrations.kubevirt.io'], ['migrationpolicies'], READ),
  ];
}

const CDI_WRITER: PolicyRule[] = [
  rule(['cdi.kubevirt.io'], ['datavolumes', 'dataimportcrons', 'datasources', 'volumeimportsources', 'volumeuploadsources', 'volumeclonesources'], ['*']),
  rule(['cdi.kubevirt.io'], ['datavolumes/source'], ['create']),
  rule(['upload.cdi.kubevirt.io'], ['uploadtokenrequests'], ['*']),
];
const CDI_VIEW: PolicyRule[] = [
  rule(['cdi.kubevirt.io'], ['cdiconfigs', 'dataimportcrons', 'datasources', 'datavolumes', 'objecttransfers', 'storageprofiles', 'volumeimportsources', 'volumeuploadsources', 'volumeclonesources'], READ),
  rule(['cdi.kubevirt.io'], ['datavolumes/source'], ['create']),
];

function role(name: string, labels: Record<string, string>, rules: PolicyRule[], annotations?: Record<string, string>): ClusterRole {
  return { apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRole', metadata: { name, labels, ...(annotations ? { annotations } : {}) }, rules };
}

const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** KubeVirt's and CDI's ClusterRoles. */
export function platformClusterRoles(): ClusterRole[] {
  const migrationPolicies = rule(['migrations.kubevirt.io'], ['migrationpolicies'], READ);
  return [
    role('kubevirt.io:default', { 'kubevirt.io': '', 'kubernetes.io/bootstrapping': 'rbac-defaults' }, [rule([SUB], ['version', 'guestfs'], ['get', 'list'])], AUTOUPDATE),
    role('kubevirt.io:admin', { 'kubevirt.io': '', 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, [...kubevirtWriterRules(ADMIN_VERBS), migrationPolicies]),
    role('kubevirt.io:edit', { 'kubevirt.io': '', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, [...kubevirtWriterRules(EDIT_VERBS), rule(['kubevirt.io'], ['kubevirts'], ['get', 'list']), migrationPolicies]),
    role('kubevirt.io:view', { 'kubevirt.io': '', 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, kubevirtViewRules()),
    role('instancetype.kubevirt.io:view', {}, [rule(['instancetype.kubevirt.io'], ['virtualmachineclusterinstancetypes', 'virtualmachineclusterpreferences'], READ)]),
    role('cdi.kubevirt.io:admin', { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, CDI_WRITER),
    role('cdi.kubevirt.io:edit', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, CDI_WRITER),
    role('cdi.kubevirt.io:view', { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, CDI_VIEW),
    role('cdi.kubevirt.io:config-reader', {}, [rule(['cdi.kubevirt.io'], ['cdiconfigs', 'storageprofiles'], READ)]),
    cephToolboxRole(),
  ];
}

/**
 * Who may run `ove ceph`/`ove rbd` (create cephcommands.ceph.ove.dev): ove's stand-in for ODF's
 * rook-ceph toolbox, where every command runs with client.admin's keyring, read-only or not. In
 * OpenShift the toolbox is reached with `oc rsh` (create pods/exec), which edit and admin carry and
 * view does not; so the role aggregates into edit and admin only. The resource is cluster-scoped, so
 * only a ClusterRoleBinding grants it (to edit, admin or this role directly).
 */
function cephToolboxRole(): ClusterRole {
  const to = (r: string) => `rbac.authorization.k8s.io/aggregate-to-${r}`;
  return role('ceph.ove.dev:toolbox', { [to('admin')]: 'true', [to('edit')]: 'true' }, [rule(['ceph.ove.dev'], ['cephcommands'], ['create'])]);
}

const grp = (name: string) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name });

/** kubevirt.io:default (version/guestfs to everyone) and CDI's config-reader binding (whose second group CDI spells `system:serviceaccount`). */
export function platformClusterRoleBindings(): ClusterRoleBinding[] {
  const binding = (name: string, subjects: ClusterRoleBinding['subjects'], labels: Record<string, string>, annotations?: Record<string, string>): ClusterRoleBinding => ({
    apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRoleBinding', metadata: { name, labels, ...(annotations ? { annotations } : {}) },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name }, subjects,
  });
  return [
    binding('kubevirt.io:default', [grp('system:authenticated'), grp('system:unauthenticated')], { 'kubevirt.io': '' }, AUTOUPDATE),
    binding('cdi.kubevirt.io:config-reader', [grp('system:authenticated'), grp('system:serviceaccount')], {}),
  ];
}
