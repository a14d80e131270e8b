/**
 * The Priority admission plugin (kube `plugin/pkg/admission/priority/admission.go`): a new pod's
 * `priorityClassName` is resolved to `spec.priority` and `spec.preemptionPolicy` (the global
 * default class when the pod names none, else priority 0), a missing class or a hand-set
 * priority that disagrees is Forbidden, and only one PriorityClass may be the global default.
 */
import { forbidden } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionPlugin } from './admission.js';

/** What the plugin reads: one PriorityClass by name, and all of them (both from the watch cache). */
export interface PriorityClassLookup {
  get(name: string): KubeObject | undefined;
  list(): KubeObject[];
}

interface PcFields {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

const fields = (pc: KubeObject) => pc as unknown as PcFields;
const isPods = (a: { res: { group: string; plural: string }; subresource?: string }) => a.res.group === '' && a.res.plural === 'pods' && !a.subresource;
const isPriorityClasses = (a: { res: { group: string; plural: string } }) => a.res.group === 'scheduling.k8s.io' && a.res.plural === 'priorityclasses';

/** Builds the plugin over the PriorityClass cache. */
export function priorityAdmission(classes: PriorityClassLookup): AdmissionPlugin {
  const defaultClass = () => classes.list().filter((pc) => fields(pc).globalDefault && !pc.metadata.deletionTimestamp)
    // With several (possible only by racing creates), kube takes the lowest value.
    .sort((a, b) => (fields(a).value ?? 0) - (fields(b).value ?? 0))[0];
  return {
    name: 'Priority',
    admit(attrs, obj) {
      if (!isPods(attrs)) return;
      const spec = (obj.spec ??= {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
      const old = attrs.old?.spec as typeof spec | undefined;
      if (attrs.operation === 'UPDATE') {
        // Set on create; an update that leaves them out keeps them (validation forbids changing them).
        if (spec.priority === undefined && old?.priority !== undefined) spec.priority = old.priority;
        if (spec.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
        return;
      }
      if (attrs.operation !== 'CREATE') return;
      let priority = 0;
      let policy = 'PreemptLowerPriority';
      if (!spec.priorityClassName) {
        const d = defaultClass();
        if (d) {
          spec.priorityClassName = d.metadata.name;
          priority = fields(d).value ?? 0;
          policy = fields(d).preemptionPolicy ?? policy;
        }
      } else {
        const pc = classes.get(spec.priorityClassName);
        if (!pc) throw forbidden('', 'pods', attrs.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
        priority = fields(pc).value ?? 0;
        policy = fields(pc).preemptionPolicy ?? policy;
      }
      if (spec.priority !== undefined && spec.priority !== priority) {
        throw forbidden('', 'pods', attrs.name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
      }
      if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== policy) {
        throw forbidden('', 'pods', attrs.name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
      }
      spec.priority = priority;
      spec.preemptionPolicy = policy;
    },
    validate(attrs, obj) {
      if (!isPriorityClasses(attrs) || !['CREATE', 'UPDATE'].includes(attrs.operation) || !fields(obj).globalDefault) return;
      const d = defaultClass();
      if (d && (attrs.operation === 'CREATE' || d.metadata.name !== obj.metadata.name)) {
        throw forbidden('scheduling.k8s.io', 'priorityclasses', obj.metadata.name ?? attrs.name, `PriorityClass ${d.metadata.name} is already marked as default. Only one default can exist`);
      }
    },
  };
}
