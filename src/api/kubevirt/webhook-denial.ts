/**
 * How the API server reports a validating webhook's denial: KubeVirt's admitters answer
 * `Status{Reason: Invalid, Code: 422, Message: <cause messages joined by ", ">, Details.Causes}`
 * (kubevirt/kubevirt `pkg/virt-api/webhooks/utils.go` ToAdmissionResponse), and kube-apiserver
 * prefixes the message with `admission webhook "<name>" denied the request: `
 * (`staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/errors/statuserror.go` ToStatusErr).
 * There is no kind or name in the details, so kubectl prints `The request is invalid: ...`.
 */
import { StatusError } from '../errors.js';
import type { FieldCause } from '../types.js';

/** The 422 a denial by `webhook` with these causes becomes. */
export function webhookDenied(webhook: string, causes: FieldCause[]): StatusError {
  const message = causes.map((c) => c.message).join(', ');
  return new StatusError('Invalid', `admission webhook "${webhook}" denied the request: ${message}`, { causes }, 422);
}

/** Fields whose absence the CRD schema reports (`Required value`) before any webhook runs. */
const SCHEMA_REQUIRED = new Set(['spec.template', 'spec.template.spec', 'spec.template.spec.domain', 'spec.domain']);

/**
 * Splits a validator's causes: schema `Required value` causes are returned (the API server's
 * Invalid on the object); anything else is thrown as the webhook's denial.
 */
export function admitThroughWebhook(webhook: string, causes: FieldCause[]): FieldCause[] {
  if (causes.length === 0) return [];
  if (causes.every((c) => c.reason === 'FieldValueRequired' && SCHEMA_REQUIRED.has(c.field))) return causes;
  throw webhookDenied(webhook, causes);
}
