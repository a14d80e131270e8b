import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestFiles, parseManifests, readManifests } from './manifests.js';

describe('manifests', () => {
  it('parseManifests() reads every document, skips empty ones and expands lists', () => {
    const text = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n';
    expect(parseManifests(text, 'x.yaml').map((m) => `${m.object.kind}/${m.object.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/s']);
  });

  it('parseManifests() names the file and line of a YAML error', () => {
    expect(() => parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n', 'bad.yaml')).toThrow(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /);
  });

  it('parseManifests() refuses objects without apiVersion or kind', () => {
    expect(() => parseManifests('metadata: {name: a}\n', 'x.yaml')).toThrow('error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]');
  });

  it('manifestFiles() lists a directory\'s manifests sorted, recursing only with -R, and refuses a missing path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-mf-'));
    writeFileSync(join(dir, 'b.yaml'), '');
    writeFileSync(join(dir, 'a.json'), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.yml'), '');
    expect(manifestFiles(dir)).toEqual([join(dir, 'a.json'), join(dir, 'b.yaml')]);
    expect(manifestFiles(dir, true)).toEqual([join(dir, 'a.json'), join(dir, 'b.yaml'), join(dir, 'sub', 'c.yml')]);
    expect(() => manifestFiles(join(dir, 'x.yaml'))).toThrow(`error: the path "${join(dir, 'x.yaml')}" does not exist`);
  });

  it('readManifests() reads stdin for "-" and JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-mf-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }));
    const got = readManifests([join(dir, 'a.json'), '-'], { stdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
    expect(got.map((m) => [m.source, m.object.kind])).toEqual([
      [join(dir, 'a.json'), 'Namespace'],
      ['STDIN', 'ConfigMap'],
    ]);
    expect(() => readManifests([join(dir, 'a.json').replace('a.json', 'none')], {})).toThrow('does not exist');
  });
});
