/**
 * Query options shared by writes: dryRun, fieldManager, fieldValidation, and the
 * field manager kube derives from the User-Agent when none is given.
 */
import { StatusError, badRequest } from '../../api/errors.js';
import type { RestRequest } from './context.js';

/** Options of a write request. */
export interface WriteOptions {
  dryRun: boolean;
  fieldManager: string;
  fieldValidation: 'Ignore' | 'Warn' | 'Strict';
}

/** Parses dryRun, fieldManager and fieldValidation. */
export function writeOptions(req: RestRequest, defaultValidation: 'Ignore' | 'Warn' | 'Strict' = 'Warn'): WriteOptions {
  const dry = req.query.getAll('dryRun');
  for (const d of dry) {
    if (d !== 'All') throw badRequest(`Invalid dry run value: dryRun: Unsupported value: "${d}": supported values: "All"`);
  }
  const fv = req.query.get('fieldValidation') ?? defaultValidation;
  if (fv !== 'Ignore' && fv !== 'Warn' && fv !== 'Strict') {
    // kube 1.32: `invalid fieldValidation directive: foo` (handlers/rest.go fieldValidation)
    throw badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${fv}"`);
  }
  const fm = req.query.get('fieldManager');
  if (fm !== null && (fm.length > 128 || /[^\x20-\x7e]/.test(fm))) {
    throw new StatusError('BadRequest', `fieldManager: Invalid value: "${fm}": must be no more than 128 characters and printable`);
  }
  return { dryRun: dry.length > 0, fieldManager: fm ?? managerFromUserAgent(req.headers['user-agent']), fieldValidation: fv };
}

/** kube's default manager: the User-Agent up to the first '/', at most 128 characters (handlers/rest.go prefixFromUserAgent). */
export function managerFromUserAgent(ua: string | undefined): string {
  return (ua ?? 'unknown').split('/')[0].slice(0, 128);
}
