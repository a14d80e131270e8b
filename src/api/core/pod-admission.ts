/**
 * What kube-apiserver's default admission plugins add to a new pod. These are admission,
 * not defaulting: they run once, on CREATE, after defaults.
 * - DefaultTolerationSeconds (`plugin/pkg/admission/defaulttolerationseconds/admission.go`):
 *   tolerate `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` NoExecute
 *   taints for 300 s unless the pod already tolerates them.
 * - ServiceAccount (`plugin/pkg/admission/serviceaccount/admission.go`): `serviceAccountName`
 *   defaults to `default`. (The projected token volume it also mounts is not added here.)
 * Priority, which reads the PriorityClasses, is the admission plugin
 * `src/apiserver/admission/priority.ts`.
 */
type Obj = Record<string, any>;

/** `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds` default. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

function tolerates(tolerations: Obj[], key: string): boolean {
  return tolerations.some((t) => {
    const effectOk = !t.effect || t.effect === 'NoExecute';
    if (t.operator === 'Exists' && !t.key) return effectOk;
    return t.key === key && effectOk;
  });
}

/** DefaultTolerationSeconds admission on a pod spec. */
export function admitDefaultTolerations(spec: Obj): void {
  const tolerations: Obj[] = (spec.tolerations ??= []);
  for (const key of TAINTS) {
    if (!tolerates(tolerations, key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
}

/** ServiceAccount and DefaultTolerationSeconds admission defaults on a pod spec. */
export function admitPodDefaults(spec: Obj): void {
  if (!spec.serviceAccountName) {
    spec.serviceAccountName = 'default';
    spec.serviceAccount = 'default';
  }
  admitDefaultTolerations(spec);
}
