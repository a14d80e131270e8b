/** YAML responses (`Accept: application/yaml`). */
import { stringify } from 'yaml';

/** Serializes a value as kube's YAML serializer would (block style, no line folding). */
export function toYaml(v: unknown): string {
  return stringify(v, { lineWidth: 0, version: '1.1' });
}
