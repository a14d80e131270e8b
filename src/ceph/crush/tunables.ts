import type { CrushTunables } from './crush-map.js';

// Profiles from ceph/ceph src/crush/CrushWrapper.h (set_tunables_argonaut ... set_tunables_jewel,
// set_tunables_legacy, set_tunables_optimal). The named profiles do not touch straw_calc_version;
// only legacy (0) and optimal/default (1) set it.

const LEGACY_ALGS = (1 << 1) | (1 << 2) | (1 << 4); // uniform, list, straw = 22
const STRAW2_ALGS = LEGACY_ALGS | (1 << 5); // + straw2 = 54

/** Names accepted by tunablesProfile(). */
export type TunablesProfile = 'legacy' | 'argonaut' | 'bobtail' | 'firefly' | 'hammer' | 'jewel' | 'optimal' | 'default';

/** The tunables of a named Ceph profile; `base` supplies straw_calc_version where the profile leaves it. */
export function tunablesProfile(name: TunablesProfile, base?: CrushTunables): CrushTunables {
  const strawCalcVersion = base?.strawCalcVersion ?? 1;
  const bobtail = { chooseLocalTries: 0, chooseLocalFallbackTries: 0, chooseTotalTries: 50, chooseleafDescendOnce: 1 };
  switch (name) {
    case 'legacy':
    case 'argonaut':
      return {
        chooseLocalTries: 2, chooseLocalFallbackTries: 5, chooseTotalTries: 19, chooseleafDescendOnce: 0,
        chooseleafVaryR: 0, chooseleafStable: 0, allowedBucketAlgs: LEGACY_ALGS,
        strawCalcVersion: name === 'legacy' ? 0 : (base?.strawCalcVersion ?? 0),
      };
    case 'bobtail':
      return { ...bobtail, chooseleafVaryR: 0, chooseleafStable: 0, allowedBucketAlgs: LEGACY_ALGS, strawCalcVersion };
    case 'firefly':
      return { ...bobtail, chooseleafVaryR: 1, chooseleafStable: 0, allowedBucketAlgs: LEGACY_ALGS, strawCalcVersion };
    case 'hammer':
      return { ...bobtail, chooseleafVaryR: 1, chooseleafStable: 0, allowedBucketAlgs: STRAW2_ALGS, strawCalcVersion };
    case 'jewel':
      return { ...bobtail, chooseleafVaryR: 1, chooseleafStable: 1, allowedBucketAlgs: STRAW2_ALGS, strawCalcVersion };
    case 'optimal':
    case 'default':
      return { ...bobtail, chooseleafVaryR: 1, chooseleafStable: 1, allowedBucketAlgs: STRAW2_ALGS, strawCalcVersion: 1 };
    default:
      throw new RangeError(`Cannot set tunables: unknown profile '${String(name)}'`);
  }
}
