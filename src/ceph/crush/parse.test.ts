import { describe, expect, it } from 'vitest';
import { parseCrushText } from './parse-text.js';
import { parseCrushJson } from './parse-json.js';
import { parseCrushMap } from './load-map.js';
import { BucketAlg, RuleOp } from './crush-map.js';
import { tunablesProfile } from './tunables.js';

const TEXT = `
# begin crush map
tunable choose_total_tries 50
device 0 osd.0
device 1 osd.1 class ssd
type 0 osd
type 1 host
host h0 {
  alg straw2
  hash 0  # rjenkins1
  item osd.0 weight 1.5
  item osd.1
}
host h1 {
  id -1
  alg list
  hash 0
}
rule r {
  id 0
  type erasure
  min_size 1
  max_size 6
  step set_choose_tries 100
  step take h0
  step choose indep 0 type osd
  step emit
}
`;

describe('CRUSH map parsing', () => {
  it('reads the text form with the compiler\'s defaults (legacy tunables, ids, weights)', () => {
    const m = parseCrushText(TEXT);
    expect(m.tunables).toEqual({ ...tunablesProfile('legacy'), chooseTotalTries: 50 });
    // h1 claims -1 explicitly, so the unnumbered h0 takes -2; both roots get an ssd shadow
    // (lowest root id first), as `crushtool -c` of this text dumps them.
    expect(m.buckets.map((b) => [b.name, b.id])).toEqual([['h0', -2], ['h1', -1], ['h0~ssd', -3], ['h1~ssd', -4]]);
    expect(m.buckets[2]!.items).toEqual([1]);
    expect(m.buckets[0]!.weights).toEqual([98304, 65536]);
    expect(m.buckets[1]!.alg).toBe(BucketAlg.list);
    expect(m.rules[0]!.steps).toEqual([
      { op: RuleOp.setChooseTries, arg1: 100, arg2: 0 },
      { op: RuleOp.take, arg1: -2, arg2: 0 },
      { op: RuleOp.chooseIndep, arg1: 0, arg2: 0 },
      { op: RuleOp.emit, arg1: 0, arg2: 0 },
    ]);
    expect(m.maxDevices).toBe(2);
  });

  it('refuses what it cannot honour instead of ignoring it', () => {
    expect(() => parseCrushText(`${TEXT}\nchoose_args 0 {\n}\n`)).toThrow(/choose_args/);
    expect(() => parseCrushText('device 0 osd.0\ntype 0 osd\ntype 1 host\nhost h { alg straw2\n item osd.9 }')).toThrow(/osd\.9.*not defined/);
    expect(() => parseCrushJson(JSON.stringify({ choose_args: { '-1': [] } }))).toThrow(/choose_args/);
    expect(() => parseCrushText('host h {')).toThrow(/unexpected 'host'/);
  });

  it('detects JSON and text by content', () => {
    const json = JSON.stringify({
      devices: [{ id: 0, name: 'osd.0' }], types: [{ type_id: 0, name: 'osd' }, { type_id: 1, name: 'host' }],
      buckets: [{ id: -1, name: 'h', type_id: 1, alg: 'straw2', hash: 'rjenkins1', items: [{ id: 0, weight: 65536, pos: 0 }] }],
      rules: [{ rule_id: 0, rule_name: 'r', type: 1, steps: [{ op: 'take', item: -1 }, { op: 'chooseleaf_firstn', num: 0, type: 'host' }, { op: 'emit' }] }],
      tunables: { choose_local_tries: 0, choose_local_fallback_tries: 0, choose_total_tries: 50, chooseleaf_descend_once: 1 },
      choose_args: {},
    });
    expect(parseCrushMap(json).rules[0]!.steps[1]).toEqual({ op: RuleOp.chooseleafFirstn, arg1: 0, arg2: 1 });
    expect(parseCrushMap(TEXT).buckets).toHaveLength(4);
  });

  it('tunable profiles follow CrushWrapper', () => {
    expect(tunablesProfile('jewel').chooseleafStable).toBe(1);
    expect(tunablesProfile('hammer')).toMatchObject({ chooseleafStable: 0, chooseleafVaryR: 1, allowedBucketAlgs: 54 });
    expect(tunablesProfile('firefly')).toMatchObject({ chooseleafVaryR: 1, allowedBucketAlgs: 22 });
    expect(tunablesProfile('bobtail')).toMatchObject({ chooseTotalTries: 50, chooseleafVaryR: 0, chooseleafDescendOnce: 1 });
    expect(tunablesProfile('optimal')).toEqual({ ...tunablesProfile('jewel'), strawCalcVersion: 1 });
  });
});
