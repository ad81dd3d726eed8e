/** Dev tool (dev file only): republications with an earlier partner that the engine does not call copy/partial of one. */
import { loadEvalEngine } from '../engine-adapter.js';
import { locateDataset } from '../shared-data.js';
import { readLabels, REPUBLICATION_LABELS } from './labels.js';
import { loadNewsFiles, toArticleInput, toPageInput } from './load-news.js';
import { earlierReusePartners, laterScrapes, namesEarlierPartner } from './score-news.js';

const located = locateDataset('news-scrape-2018');
if ('skip' in located) throw new Error(located.skip);
const engine = await loadEvalEngine();
if ('skip' in engine) throw new Error(engine.skip);
for (const file of loadNewsFiles(located.dir).filter((f) => f.split === 'dev')) {
  const labels = readLabels(file.name)!;
  const partners = earlierReusePartners(file.articles, labels);
  const corpus = engine.corpus(file.articles.map(toArticleInput));
  const scoredOnce = laterScrapes(labels);
  for (const a of file.articles) {
    const label = labels.articles[a.id]?.label;
    if (!label || scoredOnce.has(a.id) || !REPUBLICATION_LABELS.includes(label)) continue;
    const earlier = partners.get(a.id) ?? [];
    if (earlier.length === 0) continue;
    const v = engine.check(toPageInput(a), [corpus]);
    if (namesEarlierPartner(v, earlier)) continue;
    console.log(`#${a.id} ${a.publisher} ${a.scrapeTime} [${label}] → ${v.status} ${v.likelyOriginal ?? ''} sameText=${v.sameText} wire=${JSON.stringify(v.wire)}`);
    console.log(`   earlier partners: ${earlier.map((p) => `${p}@${file.articles.find((x) => x.id === p)!.scrapeTime.slice(11, 19)}`).join(' ')}`);
    for (const s of v.sources.slice(0, Number(process.env.TOP ?? 6))) {
      console.log(`   ${s.id} ${s.relation} cov=${s.coverage} ${s.published} ${s.evidence.map((e) => `${e.kind}:${e.says}`).join(',')}${earlier.includes(s.id) ? ' *partner' : ''}`);
    }
    const missing = earlier.filter((p) => !v.sources.some((s) => s.id === p));
    if (missing.length) console.log(`   partners not among sources: ${missing.join(' ')}`);
  }
}

// originals and independent reports the engine flags
if (process.env.FLAGS) for (const file of loadNewsFiles(located.dir).filter((f) => f.split === 'dev')) {
  const labels = readLabels(file.name)!;
  const corpus = engine.corpus(file.articles.map(toArticleInput));
  for (const a of file.articles) {
    const label = labels.articles[a.id]?.label;
    if (!label || REPUBLICATION_LABELS.includes(label) || label === 'listing') continue;
    const v = engine.check(toPageInput(a), [corpus]);
    if (v.status !== 'copy' && v.status !== 'partial') continue;
    const s = v.sources.find((x) => x.id === v.likelyOriginal)!;
    const long = [...s.passages].sort((p, q) => (q.page[1] - q.page[0]) - (p.page[1] - p.page[0]))[0]!;
    console.log(`FLAG #${a.id} ${a.publisher} [${label}] → ${v.status} ${v.likelyOriginal} cov=${s.coverage} overlap=${v.overlap} :: ${long.kind} "${a.text.slice(long.page[0], long.page[1]).replace(/\s+/g, ' ').slice(0, 300)}"`);
  }
}
