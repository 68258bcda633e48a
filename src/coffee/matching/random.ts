// Seeded randomness, so the same input and seed always give the same groups in the same order.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** A whole number from 0 up to, but not including, `limit`. */
  below(limit: number): number;
  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[];
}

export function createRandom(seed: number): Random {
  // The generator takes 32 bits; fold in the high bits so large seeds stay distinct.
  const rng = xoroshiro128plus((seed ^ Math.floor(seed / 0x1_0000_0000)) | 0);
  const below = (limit: number): number => (limit <= 1 ? 0 : uniformInt(rng, 0, limit - 1));
  return {
    below,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = below(i + 1);
        const a = items[i] as T;
        items[i] = items[j] as T;
        items[j] = a;
      }
      return items;
    },
  };
}
