/**
 * Summarizes a V8 `.cpuprofile` by inclusive time: for every function, the share of
 * samples with it anywhere on the stack (counted once per sample), plus self time.
 * `node --import tsx bench/api/profile-inclusive.ts FILE.cpuprofile [top] [only-under-function]`
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Inclusive and self time per function, sorted by inclusive time. */
export function inclusiveTime(path: string, top = 40, root = process.cwd(), under?: string): string[] {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const key = (n: ProfileNode) => {
    const f = n.callFrame;
    const where = f.url ? `${relative(root, f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}  ${where}`;
  };
  const incl = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    let n = byId.get(p.samples[i]!);
    if (!n) continue;
    if (n.callFrame.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    if (under !== undefined) {
      let m: ProfileNode | undefined = n;
      while (m && m.callFrame.functionName !== under) m = byId.get(parent.get(m.id) ?? -1);
      if (!m) continue;
    }
    total += dt;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  return [
    `busy ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`,
    ...[...incl.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${pct(ms)} incl ${pct(self.get(k) ?? 0)} self  ${k}`),
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  for (const l of inclusiveTime(process.argv[2]!, Number(process.argv[3] ?? 60), process.cwd(), process.argv[4])) console.log(l);
}
