/**
 * Pieces shared by the apps/v1 workloads: pod-template defaults, the validation apps/v1 does
 * for every controller (`pkg/apis/apps/validation/validation.go`), and CONTAINERS/IMAGES/SELECTOR cells.
 */
import type { AdmissionContext, FieldCause, KubeObject } from '../types.js';
import { containerCells } from '../meta/columns.js';
import { invalid, required } from '../meta/field-errors.js';
import { selectorMatches, selectorString, type LabelSelector } from '../meta/label-selector.js';
import { arr } from '../meta/object-access.js';
import { validateLabels, validateObjectMeta } from '../meta/validation.js';
import { defaultPodSpec } from '../core/pod-defaults.js';
import { validatePodSpec } from '../core/pod-validation.js';

type Obj = Record<string, any>;

/** Defaults every workload's pod template (`spec.template.spec`). */
export function defaultTemplate(obj: KubeObject): Obj {
  const spec = (obj.spec ??= {}) as Obj;
  spec.template ??= {};
  spec.template.spec ??= {};
  defaultPodSpec(spec.template.spec);
  return spec;
}

/** apps/v1 validation common to workloads; `kind` is the lowercase name messages use (`deployment`). */
export function validateWorkload(obj: KubeObject, ctx: AdmissionContext, kind: string, restartPolicies = ['Always']): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  const spec = (obj.spec ?? {}) as Obj;
  const selector = spec.selector as LabelSelector | undefined;
  if (!selector) causes.push(required('spec.selector'));
  else if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
    causes.push(invalid('spec.selector', selector, `empty selector is invalid for ${kind}`));
  }
  if (spec.replicas !== undefined && spec.replicas < 0) causes.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  const tplLabels = (spec.template?.metadata?.labels ?? {}) as Record<string, string>;
  causes.push(...validateLabels(tplLabels, 'spec.template.metadata.labels'));
  if (selector && !selectorMatches(selector, tplLabels)) {
    causes.push(invalid('spec.template.metadata.labels', tplLabels, '`selector` does not match template `labels`'));
  }
  causes.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec', restartPolicies));
  if (ctx.operation === 'UPDATE' && ctx.old && !ctx.subresource) {
    const oldSel = (ctx.old.spec as Obj | undefined)?.selector;
    if (JSON.stringify(oldSel ?? null) !== JSON.stringify(selector ?? null)) causes.push(invalid('spec.selector', selector, 'field is immutable'));
  }
  return causes;
}

/** CONTAINERS, IMAGES and SELECTOR wide cells. */
export function templateCells(obj: KubeObject, withSelector = true): string[] {
  const cells = containerCells(arr(obj, 'spec.template.spec.containers'));
  return withSelector ? [...cells, selectorString((obj.spec as Obj | undefined)?.selector)] : cells;
}
