/**
 * Which pairs get read and labelled. Precision needs a fair sample of each method's flags and
 * recall needs the reuse a method might miss, so three sources of pairs are joined:
 * every pair the reference flags; a seeded random sample of each method's flags per coverage band;
 * a seeded random sample of same-event pairs below the reference (they share rare names, so a
 * careless method could take them for reuse). The seed and the sizes are part of the method note:
 * the same inputs give the same pairs.
 */

/** Coverage bands of a flag, [low, high). The last band includes 1. */
export const COVERAGE_BANDS: readonly (readonly [number, number])[] = [
  [0.05, 0.2],
  [0.2, 0.5],
  [0.5, 0.9],
  [0.9, Number.POSITIVE_INFINITY],
];

export function bandLabel([low, high]: readonly [number, number]): string {
  return high === Number.POSITIVE_INFINITY ? `≥ ${low}` : `${low}–${high}`;
}

/** Index of the band holding `coverage`, or -1 below the first. */
export function bandOf(coverage: number): number {
  return COVERAGE_BANDS.findIndex(([low, high]) => coverage >= low && coverage < high);
}

export const SAMPLE_SEED = 20180715;
export const PAIRS_PER_BAND = 20;

/** mulberry32: a small seeded generator, so a sample is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` items drawn without replacement (all of them when there are fewer), in the order drawn.
 * The input is sorted first, so the draw does not depend on the order it came in.
 */
export function seededSample(items: readonly string[], size: number, seed: number): string[] {
  const pool = [...new Set(items)].sort();
  const random = seededRandom(seed);
  // partial Fisher–Yates
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

/** Per band, a seeded sample of the pairs whose coverage falls in it. */
export function sampleByBand(
  coverage: ReadonlyMap<string, number>, perBand: number, seed: number,
): { band: string; flags: number; sample: string[] }[] {
  return COVERAGE_BANDS.map((band, b) => {
    const keys = [...coverage].filter(([, c]) => bandOf(c) === b).map(([k]) => k);
    return { band: bandLabel(band), flags: keys.length, sample: seededSample(keys, perBand, seed + b) };
  });
}

/**
 * Names an article mentions: capitalised words not opening a sentence or paragraph, which in news
 * are mostly people, places and organisations.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  let opensSentence = true;
  for (const m of text.matchAll(/\S+/gu)) {
    const token = m[0];
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (before.includes('\n')) opensSentence = true;
    const word = /^[“"‘'(]*(\p{Lu}[\p{L}'’-]{2,})/u.exec(token);
    if (word && !opensSentence) names.add(word[1]!.replace(/['’]s$/u, ''));
    opensSentence = /[.!?:]["”’)]*$/u.test(token);
  }
  return names;
}

/**
 * Same-event pairs: pairs not flagged by the reference that share at least `minShared` rare
 * names (each in at most `maxShare` of the file's articles: "Trump" on a Helsinki day says
 * nothing, "Hofeller" does).
 */
export function sameEventPairs(
  articles: readonly { readonly id: string; readonly text: string }[],
  referenceFlagged: ReadonlySet<string>,
  pairKey: (x: string, y: string) => string,
  { minShared = 3, maxShare = 0.2 } = {},
): string[] {
  const names = articles.map((a) => namesIn(a.text));
  const df = new Map<string, number>();
  for (const set of names) for (const n of set) df.set(n, (df.get(n) ?? 0) + 1);
  const limit = Math.max(2, Math.floor(maxShare * articles.length));
  const rare = names.map((set) => new Set([...set].filter((n) => df.get(n)! <= limit)));
  const out: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      let shared = 0;
      for (const n of rare[i]!) if (rare[j]!.has(n)) shared++;
      const key = pairKey(articles[i]!.id, articles[j]!.id);
      if (shared >= minShared && !referenceFlagged.has(key)) out.push(key);
    }
  }
  return out;
}
