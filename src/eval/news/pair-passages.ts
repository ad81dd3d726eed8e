/**
 * Dev tool (dev file only): the passages the engine reports between two articles of a news file, each
 * checked against the whole file's corpus as the eval does. `npx tsx src/eval/news/pair-passages.ts <file> <a> <b>`
 */
import { loadEvalEngine } from '../engine-adapter.js';
import { locateDataset } from '../shared-data.js';
import { loadNewsFiles, toArticleInput, toPageInput } from './load-news.js';

const [name, a, b] = process.argv.slice(2);
if (!name || !a || !b) throw new Error('usage: pair-passages.ts <file> <article id> <article id>');
const located = locateDataset('news-scrape-2018');
if ('skip' in located) throw new Error(located.skip);
const engine = await loadEvalEngine();
if ('skip' in engine) throw new Error(engine.skip);
const file = loadNewsFiles(located.dir).find((f) => f.name === name);
if (!file || file.split !== 'dev') throw new Error(`${name}: not a dev file`);
const corpus = engine.corpus(file.articles.map(toArticleInput));
for (const [pageId, sourceId] of [[a, b], [b, a]] as const) {
  const page = file.articles.find((x) => x.id === pageId)!;
  const input = toPageInput(page);
  const verdict = engine.check(input, [corpus]);
  const text = input.text;
  const source = verdict.sources.find((s) => s.id === sourceId);
  console.log(`#${pageId} checked: status ${verdict.status}, likely original ${verdict.likelyOriginal}; #${sourceId} ${source ? `${source.relation} coverage ${source.coverage.toFixed(3)}` : 'not a source'}`);
  for (const p of source?.passages ?? []) console.log(`  ${p.kind} ${p.similarity.toFixed(2)}: ${text.slice(p.page[0], p.page[1]).replace(/\s+/g, ' ')}`);
  for (const q of source?.quotes ?? []) console.log(`  quote: ${text.slice(q.page[0], q.page[1]).replace(/\s+/g, ' ')}`);
}
