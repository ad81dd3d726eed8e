/**
 * Dev tool for labelling by reading (prints dataset text to the terminal, never into the repo).
 *
 *   npx tsx src/eval/news/show-pair.ts <file> <id> <id>     two articles: heads, tails, shared runs
 *   npx tsx src/eval/news/show-pair.ts <file> clusters      near-identical texts grouped, each
 *                                                          member's start and end, for reading
 *                                                          credit lines and added paragraphs
 *   npx tsx src/eval/news/show-pair.ts <file> <id>          one article in full
 *   npx tsx src/eval/news/show-pair.ts <file> briefs [ids]  start and end of each article
 *   npx tsx src/eval/news/show-pair.ts <file> selection <label file>  every selected pair, briefly
 */
import { readFileSync } from 'node:fs';
import { locateDataset } from '../shared-data.js';
import { sharedSegments, wordSeq } from '../word-shingles.js';
import { splitKey, type NewsLabels } from './labels.js';
import { loadZytePages } from './zyte-pages.js';
import { loadNewsFiles, type NewsArticle } from './load-news.js';
import { referencePairs, referenceScore, REFERENCE_N } from './reference.js';

const [name, ...rest] = process.argv.slice(2);
const located = locateDataset('news-scrape-2018');
if ('skip' in located) throw new Error(located.skip);
// `zyte`: the article-extraction benchmark's pages (ids = positions among the sorted benchmark ids)
const zyte = name === 'zyte' ? loadZytePages() : null;
if (zyte && 'skip' in zyte) throw new Error(zyte.skip);
const file = zyte ? { name: 'zyte', articles: zyte } : loadNewsFiles(located.dir).find((f) => f.name === name);
if (!file) throw new Error('usage: show-pair <file> <id> [<id>] | clusters [threshold]');
const byId = new Map(file.articles.map((a) => [a.id, a]));
const get = (id: string) => {
  const a = byId.get(id);
  if (!a) throw new Error(`no article ${id} in ${file.name}`);
  return a;
};
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const head = (a: NewsArticle) => `#${a.id} ${'url' in a ? String(a.url) : `${a.publisher} ${a.scrapeTime}`} (${a.text.split(/\s+/).length} words)`;
const paragraphs = (a: NewsArticle) => a.text.split(/\n+/);

function brief(a: NewsArticle, width = 220): string {
  const ps = paragraphs(a);
  const lines = [head(a), `  first: ${clip(ps.slice(0, 3).join(' ¶ '), width * 2)}`];
  if (ps.length > 3) lines.push(`  last:  ${clip(ps.slice(-2).join(' ¶ '), width)}`);
  return lines.join('\n');
}

if (rest[0] === 'clusters') {
  const threshold = Number(rest[1] ?? 0.7);
  const pairs = referencePairs(file.articles).filter((p) => referenceScore(p) >= threshold);
  const parent = new Map(file.articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const p of pairs) parent.set(find(p.a), find(p.b));
  const groups = new Map<string, string[]>();
  for (const a of file.articles) groups.set(find(a.id), [...(groups.get(find(a.id)) ?? []), a.id]);
  const multi = [...groups.values()].filter((g) => g.length > 1).sort((x, y) => y.length - x.length);
  multi.forEach((g, k) => {
    console.log(`\n=== cluster ${k + 1}: ${g.length} articles (reference ≥ ${threshold}) ===`);
    for (const id of g.sort((x, y) => get(x).scrapeTime.localeCompare(get(y).scrapeTime))) console.log(brief(get(id)));
  });
  const singles = [...groups.values()].filter((g) => g.length === 1).map((g) => g[0]!);
  console.log(`\n=== ${singles.length} articles in no cluster: ${singles.join(' ')}`);
} else if (rest[0] === 'selection') {
  // every selected pair of a label file, one block each: enough to label most at a glance
  const labels = JSON.parse(readFileSync(rest[1]!, 'utf8')) as NewsLabels;
  const strata = new Map<string, string[]>();
  for (const s of labels.selection.strata) for (const k of s.pairs) strata.set(k, [...(strata.get(k) ?? []), s.name]);
  for (const [key, names] of strata) {
    const [a, b] = splitKey(key).map(get) as [NewsArticle, NewsArticle];
    const p = referencePairs([a, b])[0];
    const segs = sharedSegments(wordSeq(a.text), wordSeq(b.text), { n: REFERENCE_N, maxGap: 3, minWords: REFERENCE_N });
    const words = segs.reduce((s, x) => s + x.aWords[1] - x.aWords[0], 0);
    const longest = [...segs].sort((x, y) => y.aWords[1] - y.aWords[0] - (x.aWords[1] - x.aWords[0]))[0];
    console.log(`\n${key} [${names.join(', ')}] ${a.publisher} / ${b.publisher}; 8-gram ${(p?.aInB ?? 0).toFixed(2)}/${(p?.bInA ?? 0).toFixed(2)}; ${segs.length} runs, ${words} words`);
    if (longest) console.log(`  longest: ${clip(a.text.slice(longest.aChars[0], longest.aChars[1]).replace(/\n+/g, ' ¶ '), 240)}`);
    console.log(`  A: ${clip(paragraphs(a).slice(0, 2).join(' ¶ '), 160)}\n  B: ${clip(paragraphs(b).slice(0, 2).join(' ¶ '), 160)}`);
  }
} else if (rest[0] === 'briefs') {
  for (const id of rest.length > 1 ? rest.slice(1) : file.articles.map((a) => a.id)) console.log(brief(get(id)));
} else if (rest.length === 1) {
  const a = get(rest[0]!);
  console.log(head(a));
  console.log(a.text);
} else {
  const [a, b] = [get(rest[0]!), get(rest[1]!)];
  const p = referencePairs([a, b])[0];
  console.log(`${head(a)}\n${head(b)}`);
  console.log(`${REFERENCE_N}-gram containment: #${a.id} in #${b.id} ${(p?.aInB ?? 0).toFixed(2)}, #${b.id} in #${a.id} ${(p?.bInA ?? 0).toFixed(2)}`);
  for (const x of [a, b]) console.log(`\n--- #${x.id} start/end ---\n${brief(x, 400)}`);
  const segs = sharedSegments(wordSeq(a.text), wordSeq(b.text), { n: REFERENCE_N, maxGap: 3, minWords: REFERENCE_N });
  console.log(`\n--- ${segs.length} shared runs (#${a.id} words → #${b.id} words) ---`);
  for (const s of segs) {
    console.log(`[${s.aWords[0]}–${s.aWords[1]} → ${s.bWords[0]}–${s.bWords[1]}] ${clip(a.text.slice(s.aChars[0], s.aChars[1]).replace(/\n+/g, ' ¶ '), 300)}`);
  }
}
