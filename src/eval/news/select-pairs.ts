/**
 * Dev tool: chooses the pairs of one news file to read, and writes them as the `selection` of a
 * label-file skeleton (ids only) to stdout. Run once per file BEFORE labelling; the selection is
 * then frozen inside the label file, because the engine's flags move as the engine changes.
 *
 *   npx tsx src/eval/news/select-pairs.ts census > src/eval/news/labels/census.json
 *   npx tsx src/eval/news/select-pairs.ts zyte-pairs > src/eval/news/labels/zyte-pairs.json
 */
import { loadEvalEngine } from '../engine-adapter.js';
import { locateDataset } from '../shared-data.js';
import { pairKey, type NewsLabels, type SelectionStratum } from './labels.js';
import { loadNewsFiles, type NewsArticle, type NewsSplit } from './load-news.js';
import { loadZytePages, runZyteEngine, sharedNamePairs, ZYTE_LABELS } from './zyte-pages.js';
import { referenceFlags, referencePairs } from './reference.js';
import { runAnchor, runEngine, FLAG_COVERAGE, type MethodRun } from './run-news.js';
import { PAIRS_PER_BAND, SAMPLE_SEED, sameEventPairs, sampleByBand, seededSample } from './sample-pairs.js';

export const SAME_EVENT_SAMPLE = 20;

const name = process.argv[2];
const engine = await loadEvalEngine();
if ('skip' in engine) throw new Error(engine.skip);
let file: { name: string; split: NewsSplit; articles: readonly NewsArticle[] } | undefined;
let engineRun: MethodRun;
if (name === ZYTE_LABELS) {
  const pages = loadZytePages();
  if ('skip' in pages) throw new Error(pages.skip);
  file = { name, split: 'test', articles: pages };
  engineRun = runZyteEngine(engine, pages);
} else {
  const located = locateDataset('news-scrape-2018');
  if ('skip' in located) throw new Error(located.skip);
  file = loadNewsFiles(located.dir).find((f) => f.name === name);
  if (!file) throw new Error(`usage: select-pairs <helsinki-2018-07-15|census|spotify|${ZYTE_LABELS}>`);
  engineRun = runEngine(engine, file.articles);
}

const allReference = referencePairs(file.articles);
const reference = referenceFlags(allReference).map((p) => pairKey(p.a, p.b));
const flagsOf = (pairs: Map<string, number>) => new Map([...pairs].filter(([, c]) => c >= FLAG_COVERAGE));
const anchorRun = runAnchor(file.articles);
const strata: SelectionStratum[] = [{ name: 'reference', population: reference.length, pairs: reference }];
if (name === ZYTE_LABELS) {
  // across outlets real reuse is rare and partial: read every pair sharing any stretch of 8 words
  // with containment ≥ 0.05, and every pair sharing rare names (same event)
  const low = referenceFlags(allReference, 0.05).map((p) => pairKey(p.a, p.b)).filter((k) => !reference.includes(k));
  strata.push({ name: 'reference 0.05–0.3', population: low.length, pairs: low });
  const named = sharedNamePairs(file.articles);
  strata.push({ name: 'shared rare names', population: named.length, pairs: named });
}
for (const [method, run, offset] of [['engine', engineRun, 0], ['anchor', anchorRun, 100]] as const) {
  for (const s of sampleByBand(flagsOf(run.pairs), PAIRS_PER_BAND, SAMPLE_SEED + offset)) {
    strata.push({ name: `${method} ${s.band}`, population: s.flags, pairs: s.sample });
  }
}
if (name !== ZYTE_LABELS) {
  const sameEvent = sameEventPairs(file.articles, new Set(reference), pairKey);
  strata.push({ name: 'same-event', population: sameEvent.length, pairs: seededSample(sameEvent, SAME_EVENT_SAMPLE, SAMPLE_SEED + 200) });
}

const skeleton: NewsLabels = {
  file: file.name,
  split: file.split,
  labelledOn: new Date().toISOString().slice(0, 10),
  method: '',
  selection: { seed: SAMPLE_SEED, perBand: PAIRS_PER_BAND, strata },
  sameArticle: [],
  texts: [],
  articles: {},
  pairs: {},
};
process.stdout.write(`${JSON.stringify(skeleton, null, 1)}\n`);
const all = new Set(strata.flatMap((s) => s.pairs));
console.error(`select-pairs ${file.name}: ${strata.map((s) => `${s.name} ${s.pairs.length}/${s.population}`).join('; ')}; ${all.size} distinct pairs`);
