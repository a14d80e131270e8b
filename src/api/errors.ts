/**
 * StatusError: the one error type API handlers throw. The API server's error handler
 * writes it as a Kubernetes `Status` object. Reasons, codes and message wording follow
 * apimachinery (`staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go`).
 */
import type { FieldCause } from './types.js';

/** metav1.StatusReason values ove uses, with their HTTP codes (apimachinery types.go). */
export const REASON_CODES = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
} as const;

/** A StatusReason ove emits. */
export type StatusReason = keyof typeof REASON_CODES;

/** `Status.details` */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: FieldCause[];
  retryAfterSeconds?: number;
}

/** The wire form of a failure. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** An error that becomes a Kubernetes Status response. */
export class StatusError extends Error {
  readonly code: number;
  constructor(readonly reason: StatusReason, message: string, readonly details?: StatusDetails, code?: number) {
    super(message);
    this.name = 'StatusError';
    this.code = code ?? REASON_CODES[reason];
  }

  /** The Status object for the response body. */
  toStatus(): Status {
    const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details && Object.keys(this.details).length > 0) s.details = this.details;
    return s;
  }
}

/** A group-qualified resource name as messages print it: `pods`, `virtualmachines.kubevirt.io`. */
export function qualifiedResource(group: string, plural: string): string {
  return group ? `${plural}.${group}` : plural;
}

/** 404: `<resource>.<group> "<name>" not found`. */
export function notFound(group: string, plural: string, name: string): StatusError {
  return new StatusError('NotFound', `${qualifiedResource(group, plural)} "${name}" not found`, { name, group, kind: plural });
}

/** 409: `<resource>.<group> "<name>" already exists`. */
export function alreadyExists(group: string, plural: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${qualifiedResource(group, plural)} "${name}" already exists`, { name, group, kind: plural });
}

/** 409 Conflict on a stale resourceVersion, with apimachinery's wording. */
export function conflict(group: string, plural: string, name: string, detail = 'the object has been modified; please apply your changes to the latest version and try again'): StatusError {
  return new StatusError('Conflict', `Operation cannot be fulfilled on ${qualifiedResource(group, plural)} "${name}": ${detail}`, { name, group, kind: plural });
}

/** 422 Invalid: `<Kind>.<group> "<name>" is invalid: <cause>, <cause>`. */
export function invalid(group: string, kind: string, name: string, causes: FieldCause[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const joined = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const list = joined.length === 1 ? joined[0] : `[${joined.join(', ')}]`;
  return new StatusError('Invalid', `${qualified} "${name}" is invalid: ${list}`, { name, group, kind, causes });
}

/** 400 BadRequest with a message. */
export function badRequest(message: string): StatusError {
  return new StatusError('BadRequest', message);
}

/** 403: `<resource>.<group> "<name>" is forbidden: User "<user>" cannot <verb> resource "<resource>" in API group "<group>" ...`. */
export function forbidden(group: string, plural: string, name: string, reason: string): StatusError {
  const subject = name ? `${qualifiedResource(group, plural)} "${name}"` : qualifiedResource(group, plural);
  return new StatusError('Forbidden', `${subject} is forbidden: ${reason}`, { name: name || undefined, group, kind: plural });
}

/** 500 InternalError wrapping an unexpected failure. */
export function internalError(err: unknown): StatusError {
  const msg = err instanceof Error ? err.message : String(err);
  return new StatusError('InternalError', `Internal error occurred: ${msg}`, { causes: [{ reason: 'InternalError' as never, message: msg, field: '' }] });
}
