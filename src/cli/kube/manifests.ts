/**
 * Reading `-f` inputs as kubectl does: files, directories (their .json, .yaml and .yml
 * files, sorted; recursive with -R), `-` for stdin, multi-document YAML, `kind: List`
 * expanded; a missing path or a YAML error is named with the file (and line).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../api/types.js';
import { CliError } from './cli-error.js';

/** One object from a manifest, with where it came from. */
export interface Manifest {
  source: string;
  object: KubeObject;
}

const EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Lists the files a `-f` argument names. */
export function manifestFiles(path: string, recursive = false): string[] {
  if (path === '-') return ['-'];
  if (!existsSync(path)) throw new CliError(`error: the path "${path}" does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(path, e.name);
    if (e.isDirectory()) {
      if (recursive) out.push(...manifestFiles(p, true));
    } else if (EXTENSIONS.has(extname(e.name))) out.push(p);
  }
  return out;
}

/** Parses a manifest text into objects. */
export function parseManifests(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      throw new CliError(`error: error parsing ${source}: error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ''}${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    const obj = doc.toJS() as unknown;
    if (obj === null || obj === undefined) continue;
    if (typeof obj !== 'object' || Array.isArray(obj)) throw new CliError(`error: error parsing ${source}: a document is not an object`);
    const o = obj as KubeObject & { items?: KubeObject[] };
    const missing = [!o.apiVersion && 'apiVersion not set', !o.kind && 'kind not set'].filter(Boolean);
    if (missing.length) throw new CliError(`error: error validating "${source}": error validating data: [${missing.join(', ')}]`);
    if (o.kind.endsWith('List') && Array.isArray(o.items)) for (const item of o.items) out.push({ source, object: item });
    else out.push({ source, object: { ...o, metadata: o.metadata ?? {} } });
  }
  return out;
}

/** Reads every object from the `-f` arguments. */
export function readManifests(paths: string[], opts: { recursive?: boolean; stdin?: () => string; verb?: string } = {}): Manifest[] {
  if (paths.length === 0) throw new CliError('error: must specify one of -f and -k');
  const out: Manifest[] = [];
  for (const p of paths) {
    for (const f of manifestFiles(p, opts.recursive)) {
      const text = f === '-' ? (opts.stdin ?? (() => readFileSync(0, 'utf8')))() : readFileSync(f, 'utf8');
      out.push(...parseManifests(text, f === '-' ? 'STDIN' : f));
    }
  }
  if (out.length === 0) throw new CliError(`error: no objects passed to ${opts.verb ?? 'apply'}`);
  return out;
}
