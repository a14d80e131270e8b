/**
 * The authorization.k8s.io/v1 review endpoints: SelfSubjectAccessReview, SubjectAccessReview
 * and SelfSubjectRulesReview (`pkg/registry/authorization/{selfsubjectaccessreview,
 * subjectaccessreview,selfsubjectrulesreview}/rest.go`, `pkg/registry/authorization/util/helpers.go`,
 * `pkg/apis/authorization/validation/validation.go`). Pure: the caller supplies user and authorizer.
 */
import type { FieldCause, KubeObject } from '../../api/types.js';
import { badRequest, invalid } from '../../api/errors.js';
import type { Attributes, UserInfo } from './attributes.js';
import type { Authorizer, RuleResolver } from './authorizer.js';

const GROUP = 'authorization.k8s.io';

interface ResourceAttributesJSON { namespace?: string; verb?: string; group?: string; version?: string; resource?: string; subresource?: string; name?: string }
interface NonResourceAttributesJSON { path?: string; verb?: string }
interface AccessSpec { resourceAttributes?: ResourceAttributesJSON | null; nonResourceAttributes?: NonResourceAttributesJSON | null; user?: string; groups?: string[]; uid?: string; extra?: Record<string, string[]> }

/** The attributes a review's spec asks about (`ResourceAttributesFrom`: empty version means `*`; `NonResourceAttributesFrom`). */
export function reviewAttributes(user: UserInfo, spec: AccessSpec): Attributes {
  const base = { user, apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '', path: '' };
  const r = spec.resourceAttributes;
  if (r) {
    return { ...base, verb: r.verb ?? '', namespace: r.namespace ?? '', apiGroup: r.group ?? '', apiVersion: r.version || '*', resource: r.resource ?? '', subresource: r.subresource ?? '', name: r.name ?? '', resourceRequest: true };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { ...base, verb: n.verb ?? '', path: n.path ?? '', resourceRequest: false };
}

/** Evaluates a SelfSubjectAccessReview for the requesting user; returns the review with its status. */
export function selfSubjectAccessReview(authorizer: Authorizer, user: UserInfo, review: KubeObject): KubeObject {
  const spec = (review.spec ?? {}) as AccessSpec;
  const causes = attributeCauses(spec);
  if (!metadataEmpty(review.metadata)) causes.push({ reason: 'FieldValueInvalid', field: 'metadata', message: `Invalid value: ${JSON.stringify(JSON.stringify(review.metadata))}: must be empty` });
  if (causes.length > 0) throw invalid(GROUP, 'SelfSubjectAccessReview', '', causes);
  return { ...review, status: accessStatus(authorizer, reviewAttributes(user, spec)) };
}

/** Evaluates a SubjectAccessReview for the user, groups, uid and extra its spec names. */
export function subjectAccessReview(authorizer: Authorizer, review: KubeObject): KubeObject {
  const spec = (review.spec ?? {}) as AccessSpec;
  const causes = attributeCauses(spec);
  if (!spec.user && (spec.groups ?? []).length === 0) causes.push({ reason: 'FieldValueInvalid', field: 'spec.user', message: 'Invalid value: "": at least one of user or group must be specified' });
  if (causes.length > 0) throw invalid(GROUP, 'SubjectAccessReview', review.metadata?.name ?? '', causes);
  const user: UserInfo = { name: spec.user ?? '', groups: spec.groups ?? [], ...(spec.uid ? { uid: spec.uid } : {}), ...(spec.extra ? { extra: spec.extra } : {}) };
  return { ...review, status: accessStatus(authorizer, reviewAttributes(user, spec)) };
}

/** Computes a SelfSubjectRulesReview: the user's rules in `spec.namespace` (required). */
export function selfSubjectRulesReview(resolver: RuleResolver, user: UserInfo, review: KubeObject): KubeObject {
  const namespace = ((review.spec ?? {}) as { namespace?: string }).namespace ?? '';
  if (!namespace) throw badRequest('no namespace on request');
  const r = resolver.rulesFor(user, namespace);
  const status: Record<string, unknown> = {
    resourceRules: r.resourceRules.map((x) => omitEmpty({ verbs: x.verbs, apiGroups: x.apiGroups, resources: x.resources, resourceNames: x.resourceNames })),
    nonResourceRules: r.nonResourceRules.map((x) => omitEmpty({ verbs: x.verbs, nonResourceURLs: x.nonResourceURLs })),
    incomplete: r.incomplete,
  };
  if (r.error) status.evaluationError = r.error.message;
  // kube answers with a fresh object: the spec is not echoed back.
  return { apiVersion: `${GROUP}/v1`, kind: 'SelfSubjectRulesReview', metadata: {}, spec: {}, status };
}

function accessStatus(authorizer: Authorizer, attrs: Attributes): Record<string, unknown> {
  const r = authorizer.authorize(attrs);
  const status: Record<string, unknown> = { allowed: r.decision === 'allow' };
  if (r.decision === 'deny') status.denied = true;
  if (r.reason) status.reason = r.reason;
  if (r.error) status.evaluationError = r.error.message;
  return status;
}

function attributeCauses(spec: AccessSpec): FieldCause[] {
  if (spec.resourceAttributes && spec.nonResourceAttributes) {
    return [{ reason: 'FieldValueInvalid', field: 'spec.nonResourceAttributes', message: `Invalid value: ${JSON.stringify(JSON.stringify(spec.nonResourceAttributes))}: cannot be specified in combination with resourceAttributes` }];
  }
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) {
    return [{ reason: 'FieldValueInvalid', field: 'spec.resourceAttributes', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified' }];
  }
  return [];
}

// ObjectMeta must equal the zero value (managedFields aside); JSON zero values count as absent.
function metadataEmpty(meta: KubeObject['metadata'] | undefined): boolean {
  const { managedFields: _m, ...rest } = meta ?? {};
  return Object.values(rest).every((v) => v == null || v === '' || v === 0 || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0));
}

function omitEmpty<T extends Record<string, unknown>>(o: T): T {
  // `verbs` has no omitempty in the Go type, every other list does.
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => k === 'verbs' || (Array.isArray(v) && v.length > 0))) as T;
}
