/**
 * The Forbidden response for a denied request, worded as kube-apiserver's
 * `forbiddenMessage` and `Forbidden` (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/
 * responsewriters/errors.go`) wrapped by apimachinery's `NewForbidden`.
 */
import { StatusError, forbidden } from '../../api/errors.js';
import type { Attributes } from './attributes.js';

/** `User "alice" cannot list resource "pods" in API group "" in the namespace "default"` and its cluster-scope and path forms. */
export function forbiddenMessage(attrs: Attributes): string {
  const user = JSON.stringify(attrs.user?.name ?? '');
  if (!attrs.resourceRequest) return `User ${user} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const head = `User ${user} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)}`;
  return attrs.namespace ? `${head} in the namespace ${JSON.stringify(attrs.namespace)}` : `${head} at the cluster scope`;
}

/** The 403 StatusError: `<resource> "<name>" is forbidden: <message>[: <reason>]`, or `forbidden: ...` for paths. */
export function forbiddenError(attrs: Attributes, reason: string): StatusError {
  const msg = reason ? `${forbiddenMessage(attrs)}: ${reason}` : forbiddenMessage(attrs);
  // NewForbidden with an empty GroupResource (non-resource requests) has no resource prefix.
  if (!attrs.resource) return new StatusError('Forbidden', `forbidden: ${msg}`, {});
  return forbidden(attrs.apiGroup, attrs.resource, attrs.name, msg);
}
