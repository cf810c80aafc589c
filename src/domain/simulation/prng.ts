/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the simulation needs.
 * The domain never calls Math.random: every run is reproducible from its seed.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/**
 * mulberry32: 32-bit state, fast, and good enough for simulation (not for secrets).
 *
 * @example const rng = createRng(42); rng.next() // the same number on every run
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * A seed for stream `stream` of item `index` under `seed`, so each virtual patient has its
 * own reproducible streams whatever order patients run in. The seed is hashed before the
 * index is mixed in: XOR-ing a raw seed with the index made seeds 1 and 2 (any seeds
 * differing only in bits below the cohort size) give the same cohort in another order.
 *
 * @example deriveSeed(1, 17, 2)
 */
export function deriveSeed(seed: number, index: number, stream: number): number {
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  for (const v of [index, stream]) h = mix32((h ^ v) >>> 0);
  return h;
}

/** The murmur3 finaliser: a bijection of 32-bit values that spreads every input bit. */
function mix32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/**
 * A standard normal draw (Box-Muller).
 *
 * @example normal(rng) * 1.2 // noise of SD 1.2
 */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
