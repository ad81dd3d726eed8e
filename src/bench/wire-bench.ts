/**
 * The wire part of `npm run bench` (issue 17, part 4): what one story with many carriers costs a
 * check. The corpus is the seeded news corpus with WIRE_STORIES wire stories of WIRE_CARRIERS
 * carriers each in place of as many ordinary articles. Pages: a further carrier of a wire story; a
 * carrier that also lifts three paragraphs of an ordinary article (the other story must not be
 * crowded out of the candidate slots); an ordinary article copied whole, for comparison. In this
 * process; uses engine internals (candidateArticles) as firsthand-stages.ts does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LEXICON_FILE } from '../build/paths.js';
import { attribute, buildCorpusIndex, candidateArticles, EMPTY_LEXICON, loadCorpus, loadLexicon, type Lexicon, type PageInput } from '../engine/index.js';
import { createRng, mixSeed } from './prng.js';
import { NewsGenerator, renderParagraph } from './news-generator.js';
import { median, quantile } from './stats.js';
import { loadVocabulary } from './vocabulary.js';
import { carrierPublished, wireCarrier, wireGroups, wireStoryText, WIRE_DAY } from './wire-groups.js';

export const WIRE_STORIES = 100;
export const WIRE_CARRIERS = 30;
const PAGES_PER_KIND = 20;
const REPEATS = 3;

const PAGE_KINDS = ['wire carrier', 'wire carrier + 3 paragraphs of another article', 'ordinary article copied whole'] as const;
type PageKind = (typeof PAGE_KINDS)[number];

export interface WireRow {
  readonly size: number;
  readonly kind: PageKind;
  readonly p50: number;
  readonly p95: number;
  /** Median articles aligned per check. */
  readonly aligned: number;
  readonly right: number;
  readonly pages: number;
}

export interface WireReport {
  readonly rows: readonly WireRow[];
  readonly buildSeconds: readonly number[];
  readonly note: string;
}

interface WirePage {
  readonly page: PageInput;
  /** What a right verdict names: the earliest carrier as first seen, and the other article among the sources. */
  readonly firstCarrier: string | null;
  readonly otherSource: string | null;
}

function pagesOf(generator: NewsGenerator, ordinary: number, kind: PageKind): WirePage[] {
  return Array.from({ length: PAGES_PER_KIND }, (_, j) => {
    const rng = createRng(mixSeed(generator.seed ^ 0x0e1e5, PAGE_KINDS.indexOf(kind) * 1000 + j));
    const story = rng.int(0, WIRE_STORIES - 1);
    const published = `${WIRE_DAY}T20:00:00Z`;
    const url = `https://reader${j}.example/${WIRE_DAY}/story`;
    const firstCarrier = wireCarrier(generator, story, 0).id;
    switch (kind) {
      case 'wire carrier':
        return { page: { text: `Reader ${j} Daily\n\n${wireStoryText(generator, story)}`, url, published }, firstCarrier, otherSource: null };
      case 'wire carrier + 3 paragraphs of another article': {
        const other = rng.int(0, ordinary - 1);
        const paragraphs = generator.corpusDraft(other).paragraphs.slice(0, 3).map(renderParagraph).join('\n\n');
        return { page: { text: `${wireStoryText(generator, story)}\n\n${paragraphs}`, url, published }, firstCarrier, otherSource: generator.corpusArticle(other).id };
      }
      case 'ordinary article copied whole': {
        const other = rng.int(0, ordinary - 1);
        return { page: { text: generator.corpusArticle(other).text, url, published }, firstCarrier: null, otherSource: generator.corpusArticle(other).id };
      }
    }
  });
}

export function runWireBench(sizes: readonly number[], seed: number, log: (line: string) => void = () => {}): WireReport {
  const lexicon: Lexicon = existsSync(LEXICON_FILE) ? loadLexicon(readFileSync(LEXICON_FILE)) : EMPTY_LEXICON;
  const generator = new NewsGenerator(loadVocabulary(), seed);
  const rows: WireRow[] = [];
  const buildSeconds: number[] = [];
  for (const size of sizes) {
    const ordinary = size - WIRE_STORIES * WIRE_CARRIERS;
    if (ordinary <= 0) throw new RangeError(`wire bench: ${size} articles cannot hold ${WIRE_STORIES} × ${WIRE_CARRIERS} carriers`);
    const t0 = performance.now();
    const corpus = loadCorpus(buildCorpusIndex([...generator.corpus(ordinary), ...wireGroups(generator, WIRE_STORIES, WIRE_CARRIERS)]));
    buildSeconds.push((performance.now() - t0) / 1000);
    log(`wire: ${size} articles built in ${buildSeconds.at(-1)!.toFixed(1)} s`);
    for (const kind of PAGE_KINDS) {
      const times: number[] = [];
      const aligned: number[] = [];
      let right = 0;
      for (const { page, firstCarrier, otherSource } of pagesOf(generator, ordinary, kind)) {
        let best = Infinity;
        let verdict = attribute(page, [corpus], { lexicon });
        for (let r = 0; r < REPEATS; r++) {
          const t = performance.now();
          verdict = attribute(page, [corpus], { lexicon });
          best = Math.min(best, performance.now() - t);
        }
        times.push(best);
        aligned.push(candidateArticles(page, [corpus]).length);
        const wireRight = firstCarrier === null
          || (verdict.status === 'copy' && verdict.likelyOriginal === firstCarrier && verdict.wire?.firstSeen === firstCarrier && verdict.wire.carriers === WIRE_CARRIERS);
        const otherRight = otherSource === null || verdict.sources.some((s) => s.id === otherSource && s.coverage > 0);
        if (wireRight && otherRight) right++;
      }
      rows.push({ size, kind, p50: median(times), p95: quantile(times, 0.95), aligned: median(aligned), right, pages: times.length });
      log(`wire: ${size} ${kind}: p50 ${median(times).toFixed(2)} ms, ${right}/${times.length} right`);
    }
  }
  return {
    rows, buildSeconds,
    note: `${WIRE_STORIES} wire stories × ${WIRE_CARRIERS} carriers (masthead and footer of their own, published ${WIRE_DAY} 06:00–16:00 UTC, first at ${carrierPublished(0, 0).slice(11, 16)}) among the seeded articles; ${lexicon === EMPTY_LEXICON ? 'no lexicon' : 'with the lexicon'}`,
  };
}

export function renderWireReport(report: WireReport): string {
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  return [
    '| N | page | query ms p50 / p95 | articles aligned (median) | right |',
    '| --- | --- | --- | --- | --- |',
    ...report.rows.map((r) => `| ${r.size >= 1000 ? `${r.size / 1000}k` : r.size} | ${r.kind} | ${fmt(r.p50)} / ${fmt(r.p95)} | ${r.aligned} | ${r.right}/${r.pages} |`),
    '',
    `${report.note}. Right = a carrier is \`copy\` of the earliest carrier, which \`wire\` names as first seen with all ${WIRE_CARRIERS} carriers counted, and the other article is among the sources. Times are the best of ${REPEATS} runs per page, engine only (attribute).`,
  ].join('\n');
}
