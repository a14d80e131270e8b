// Maps for the CRUSH benchmark, built and compiled by Ceph's own crushtool so both sides read the
// same map: crushtool the binary, ove the `--dump -f json` of it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A map on disk in both forms. */
export interface BuiltMap {
  bin: string;
  json: string;
}

const JEWEL = [
  'tunable choose_local_tries 0', 'tunable choose_local_fallback_tries 0', 'tunable choose_total_tries 50',
  'tunable chooseleaf_descend_once 1', 'tunable chooseleaf_vary_r 1', 'tunable chooseleaf_stable 1',
  'tunable straw_calc_version 1', 'tunable allowed_bucket_algs 54',
];

/** Rule 0 (replicated, host failure domain) and rule 1 (EC as Ceph creates it: indep over hosts). */
export function standardRules(root: string): string {
  return `rule replicated_rule {
  id 0
  type replicated
  min_size 1
  max_size 10
  step take ${root}
  step chooseleaf firstn 0 type host
  step emit
}
rule ec-4-2 {
  id 1
  type erasure
  min_size 3
  max_size 6
  step set_chooseleaf_tries 5
  step set_choose_tries 100
  step take ${root}
  step chooseleaf indep 0 type host
  step emit
}
`;
}

/**
 * The story's cluster (ove-prod-01): 9 workers x 12 NVMe OSDs of 3.84 TB (3.49246 TiB, the CRUSH
 * weight Ceph derives from the size), workers 1-3 in rack B-14 and 4-9 in rack B-15.
 */
export function storyMapText(): string {
  const lines = [...JEWEL, ''];
  for (let o = 0; o < 108; o++) lines.push(`device ${o} osd.${o}`);
  lines.push('type 0 osd', 'type 1 host', 'type 2 rack', 'type 3 root', '');
  for (let w = 1; w <= 9; w++) {
    lines.push(`host worker-${w} {`, `  id -${w}`, '  alg straw2', '  hash 0');
    for (let d = 0; d < 12; d++) lines.push(`  item osd.${(w - 1) * 12 + d} weight 3.49246`);
    lines.push('}');
  }
  const rack = (name: string, id: number, workers: number[]): void => {
    lines.push(`rack ${name} {`, `  id -${id}`, '  alg straw2', '  hash 0', ...workers.map((w) => `  item worker-${w}`), '}');
  };
  rack('B-14', 10, [1, 2, 3]);
  rack('B-15', 11, [4, 5, 6, 7, 8, 9]);
  lines.push('root default {', '  id -12', '  alg straw2', '  hash 0', '  item B-14', '  item B-15', '}', '');
  return lines.join('\n') + '\n' + standardRules('default');
}

/** Compiles map text with crushtool and dumps it as JSON. */
export function compileWithCrushtool(dir: string, name: string, text: string): BuiltMap {
  const txt = join(dir, `${name}.txt`);
  const bin = join(dir, `${name}.bin`);
  const json = join(dir, `${name}.json`);
  writeFileSync(txt, text);
  execFileSync('crushtool', ['-c', txt, '-o', bin]);
  writeFileSync(json, execFileSync('crushtool', ['-i', bin, '--dump', '-f', 'json']));
  return { bin, json };
}

/** `crushtool --build` of hosts x 12 OSDs in racks of 10 hosts, plus the standard rules. */
export function buildLargeMap(dir: string, osds: number): BuiltMap {
  const built = join(dir, `large${osds}.built`);
  execFileSync('crushtool', ['--build', '--num_osds', String(osds), 'host', 'straw2', '12', 'rack', 'straw2', '10', 'root', 'straw2', '0', '-o', built]);
  const text = execFileSync('crushtool', ['-d', built]).toString();
  const withoutRules = text.slice(0, text.indexOf('# rules'));
  return compileWithCrushtool(dir, `large${osds}`, withoutRules + standardRules('root'));
}
