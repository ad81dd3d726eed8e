/**
 * Dev tool (dev file only): the engine's labelled flags per coverage band that are not reuse (precision),
 * and labelled reuse pairs it leaves below the flag floor (recall). BAND=0..3 limits the first list.
 */
import { loadEvalEngine } from '../engine-adapter.js';
import { locateDataset } from '../shared-data.js';
import { labelledPairs, readLabels } from './labels.js';
import { loadNewsFiles } from './load-news.js';
import { FLAG_COVERAGE, runEngine } from './run-news.js';
import { bandOf } from './sample-pairs.js';
import { isReuse } from './score-news.js';

const located = locateDataset('news-scrape-2018');
if ('skip' in located) throw new Error(located.skip);
const engine = await loadEvalEngine();
if ('skip' in engine) throw new Error(engine.skip);
for (const file of loadNewsFiles(located.dir).filter((f) => f.split === 'dev')) {
  const labels = readLabels(file.name)!;
  const pairs = labelledPairs(labels);
  const run = runEngine(engine, file.articles);
  const sampled = new Set(labels.selection.strata.filter((s) => s.name.startsWith('engine ')).flatMap((s) => s.pairs));
  console.log('--- sampled flags that are not reuse');
  for (const key of sampled) {
    const c = run.pairs.get(key) ?? 0;
    const b = bandOf(c);
    const entry = pairs.get(key);
    if (b < 0 || !entry) continue;
    if (process.env.BAND && Number(process.env.BAND) !== b) continue;
    console.log(`${isReuse(entry) ? 'ok ' : 'BAD'} band${b} ${key} cov=${c.toFixed(3)} ${entry.label} ${entry.reason}`);
  }
  console.log('--- labelled reuse pairs below the flag floor');
  for (const [key, entry] of pairs) {
    if (entry.label !== 'original-and-copy' && entry.label !== 'common-source') continue;
    const c = run.pairs.get(key) ?? 0;
    if (c < FLAG_COVERAGE) console.log(`MISS ${key} cov=${c.toFixed(3)} ${entry.label} ${entry.reason}`);
  }
}
