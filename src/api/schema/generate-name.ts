/**
 * Names for objects created with `metadata.generateName` (`apiserver/pkg/storage/names/generate.go`
 * SimpleNameGenerator): the prefix cut to 58 characters plus 5 random characters from
 * `utilrand`'s alphabet (`apimachinery/pkg/util/rand/rand.go`: no vowels, no 0/1/3, so no words).
 */

/** `MaxGeneratedNameLength`: 63 minus the 5 random characters. */
export const MAX_GENERATED_NAME_LENGTH = 58;

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A generated name: `base` (truncated) followed by 5 random characters. */
export function generateObjectName(base: string, random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHANUMS[Math.floor(random() * ALPHANUMS.length)];
  return `${base.slice(0, MAX_GENERATED_NAME_LENGTH)}${suffix}`;
}
