/**
 * The real-news table of `npm run eval` (issue 16): real US news scrapes, labelled by reading
 * before any tuning (src/eval/news/labels, ids only). Dev = the Helsinki-summit day, test = the
 * census and Spotify files. Each file is one corpus; every article is checked at its own made-up
 * address against it, in-process with the engine functions behind `firsthand check`.
 */
import { skippedReport, type DatasetReport } from '../dataset-report.js';
import { loadEvalEngine, type EvalEngine } from '../engine-adapter.js';
import { loadZytePages, runZyteEngine, ZYTE_LABELS, ZYTE_MIN_SHARED_NAMES, ZYTE_RARE_PAGES, type ZytePage } from './zyte-pages.js';
import { fmt, fmtCount, markdownTable } from '../markdown-table.js';
import { locateDataset } from '../shared-data.js';
import { labelledPairs, readLabels, REPUBLICATION_LABELS, splitKey, validateLabels, type NewsLabels } from './labels.js';
import { loadNewsFiles, NEWS_DATASET, type NewsFile, type NewsSplit } from './load-news.js';
import { REFERENCE_N, REFERENCE_THRESHOLD } from './reference.js';
import { ANCHOR_N, COPY_COVERAGE, FLAG_COVERAGE, runAnchor, runEngine, type MethodRun } from './run-news.js';
import { PAIRS_PER_BAND, SAMPLE_SEED, COVERAGE_BANDS, bandLabel } from './sample-pairs.js';
import { bandPrecision, earlierReusePartners, expectsLeftAlone, isReuse, laterScrapes, namesCommonSourcePartner, namesEarlierPartner, scoreNews, type Count, type FileOutcome, type NewsScore } from './score-news.js';

export const NEWS_TITLE = 'Real news: US news scrapes 2018–2019, labelled by reading';

interface FileRun {
  readonly file: NewsFile;
  readonly labels: NewsLabels;
  readonly engine: MethodRun;
  readonly anchor: MethodRun;
  readonly seconds: number;
}

export async function runNewsEval(): Promise<DatasetReport> {
  const located = locateDataset(NEWS_DATASET);
  if ('skip' in located) return skippedReport(NEWS_TITLE, located.skip);
  const engine = await loadEvalEngine();
  if ('skip' in engine) return skippedReport(NEWS_TITLE, engine.skip);
  const runs: FileRun[] = [];
  const unlabelled: string[] = [];
  for (const file of loadNewsFiles(located.dir)) {
    const labels = readLabels(file.name);
    if (!labels) {
      unlabelled.push(file.name);
      continue;
    }
    const faults = validateLabels(labels, new Set(file.articles.map((a) => a.id)));
    if (faults.length) throw new Error(`labels of ${file.name}: ${faults.slice(0, 5).join('; ')}`);
    const t0 = performance.now();
    const engineRun = runEngine(engine, file.articles);
    runs.push({ file, labels, engine: engineRun, anchor: runAnchor(file.articles), seconds: (performance.now() - t0) / 1000 });
  }
  const zyte = runZyte(engine);
  return newsReport(runs, unlabelled, zyte);
}

interface ZyteRun {
  readonly labels: NewsLabels;
  readonly pages: readonly ZytePage[];
  readonly engine: MethodRun;
  readonly anchor: MethodRun;
}

/** The second test: natural pairs among the extraction benchmark's pages; null when unavailable. */
function runZyte(engine: EvalEngine): ZyteRun | { skip: string } {
  const pages = loadZytePages();
  if ('skip' in pages) return pages;
  const labels = readLabels(ZYTE_LABELS);
  if (!labels) return { skip: `no ${ZYTE_LABELS} labels` };
  const faults = validateLabels(labels, new Set(pages.map((p) => p.id)));
  for (const [id, benchmarkId] of Object.entries(labels.benchmarkIds ?? {})) {
    if (pages[Number(id)]?.benchmarkId !== benchmarkId) faults.push(`page ${id} is no longer benchmark page ${benchmarkId}`);
  }
  if (faults.length) throw new Error(`labels of ${ZYTE_LABELS}: ${faults.slice(0, 5).join('; ')}`);
  return { labels, pages, engine: runZyteEngine(engine, pages), anchor: runAnchor(pages) };
}

const count = (c: Count) => fmtCount(c.hit, c.total);

function bandCells(s: NewsScore): string[] {
  return s.bands.map((b) => `${b.reuse}/${b.sampled} (${fmt(bandPrecision(b), 2)}) of ${b.flags}`);
}

function newsReport(runs: readonly FileRun[], unlabelled: readonly string[], zyte: ZyteRun | { skip: string }): DatasetReport {
  const rows: string[][] = [];
  const numbers: Record<string, { firsthand: NewsScore; anchor: NewsScore }> = {};
  for (const split of ['dev', 'test'] as NewsSplit[]) {
    const part = runs.filter((r) => r.file.split === split);
    if (part.length === 0) continue;
    const outcomes = (method: 'engine' | 'anchor'): FileOutcome[] =>
      part.map((r) => ({ articles: r.file.articles, labels: r.labels, run: method === 'engine' ? r.engine : r.anchor, method }));
    const firsthand = scoreNews(outcomes('engine'));
    const anchor = scoreNews(outcomes('anchor'));
    numbers[split] = { firsthand, anchor };
    const name = `${split} (${part.map((r) => r.file.name).join(', ')})`;
    for (const [method, s] of [['Firsthand', firsthand], [`anchor: word ${ANCHOR_N}-gram shingling`, anchor]] as const) {
      rows.push([name, method, count(s.republications), count(s.leftAlone), count(s.readerStatus), count(s.pairRecall), count(s.commonSourceAuthor), ...bandCells(s)]);
    }
  }
  if (!('skip' in zyte)) {
    const name = 'test 2 (Zyte benchmark pages, pairs only)';
    const score = (method: 'engine' | 'anchor') =>
      scoreNews([{ articles: zyte.pages, labels: zyte.labels, run: method === 'engine' ? zyte.engine : zyte.anchor, method }]);
    const firsthand = score('engine');
    const anchor = score('anchor');
    numbers['zyte'] = { firsthand, anchor };
    for (const [method, s] of [['Firsthand', firsthand], [`anchor: word ${ANCHOR_N}-gram shingling`, anchor]] as const) {
      rows.push([name, method, '–', '–', '–', count(s.pairRecall), '–', ...bandCells(s)]);
    }
  }
  const perFile = runs.map((r) => {
    const l = r.labels;
    const strata = l.selection.strata.map((s) => `${s.name} ${s.pairs.length} of ${s.population}`).join(', ');
    const distinct = new Set(l.selection.strata.flatMap((s) => s.pairs)).size;
    return `**${r.file.name}** (${r.file.split}): ${r.file.articles.length} articles, ${new Set(r.file.articles.map((a) => a.publisher)).size} publishers, ${Object.keys(l.articles).length} labelled; ` +
      `${l.sameArticle.length} same-article groups, ${l.texts.length} shared-text groups (${l.texts.reduce((s, t) => s + t.members.length, 0)} memberships); ` +
      `pairs read: ${strata} — ${distinct} distinct${l.unread ? `; not read: ${l.unread}` : ''}.`;
  });
  const errors = runs.reduce((s, r) => s + r.engine.calls.filter((c) => c.status === 'error').length, 0);
  const markdown = [
    markdownTable(
      ['part', 'method', 'republications called copy/partial of an earlier carrier', 'originals & independent reports left alone', 'statuses right for a reader', 'labelled reuse pairs flagged (recall)',
        'common-source partner named as the author (no wire named) / named as likely original',
        ...COVERAGE_BANDS.map((b) => `flag precision, coverage ${bandLabel(b)} (reuse/read of flags)`)],
      rows,
    ),
    '',
    `How the articles enter the engine: one corpus per file of all its articles (\`buildCorpusIndex\`), each article at a made-up address \`https://<publisher>/<id>\` (the data has no URLs), published = its \`scrape_time\` instant with zone (the data has nothing closer; two instants compare, so a same-day republication is later than its carrier. The baseline before instants were compared, the engine of 2026-12-03 morning, called 0/94 dev and 2/19 test republications copy/partial: every same-day pair was \`shared\`), text with \` ### \` turned into paragraph breaks; each article is checked with \`attribute\` at its own address against its file's corpus. ` +
      `A flag is a pair where one side covers ≥ ${FLAG_COVERAGE} of the other (the engine's \`partial\` floor; coverage = a verdict source's coverage for Firsthand, the share of words inside shared word ${ANCHOR_N}-grams for the anchor), banded by the larger of the two directions. ` +
      `The anchor calls an article \`copy\` of the earliest-scraped article covering ≥ ${COPY_COVERAGE} of it, else \`partial\` of the best earlier article covering ≥ ${FLAG_COVERAGE}, else \`original\` (it sees scrape instants).`,
    '',
    `Labels (src/eval/news/labels/*.json, ids and reasons only; the texts stay in ../shared) were made by reading pairs side by side with \`src/eval/news/show-pair.ts\` before any tuning, and are frozen: README lists each file's sha256 and \`test/eval/news-labels.test.ts\` fails when a file differs. ` +
      `Pairs read per file: every pair the reference flags (word ${REFERENCE_N}-gram containment ≥ ${REFERENCE_THRESHOLD} either way; src/eval/news/reference.ts, not the engine); a seeded random sample (mulberry32, seed ${SAMPLE_SEED} + band index, +100 for the anchor) of up to ${PAIRS_PER_BAND} of each method's flags per coverage band; up to 20 same-event pairs below the reference that share ≥ 3 rare capitalised names (in ≤ 20% of the file's articles), seed ${SAMPLE_SEED} + 200. \`npx tsx src/eval/news/select-pairs.ts <file>\` reproduces a selection from today's engine. ` +
      `Articles carrying one text are grouped (wire story, one outlet's piece): two members share that text (common-source), or the group's own publication and each carrier are original-and-copy; rows scraped twice with identical text are one article (scored once). ` +
      `Scores: a republication (wire carrier, copy, rewrite) with an earlier-scraped reuse partner is found when called copy/partial naming such a partner; a reader's status is right for a wire carrier or copy when \`copy\` names an earlier partner, for a rewrite when copy/partial does, for an original, an independent report or the first carrier of a text when it is original/no-match, for a listing when it is not \`copy\`; recall counts labelled original-and-copy/common-source pairs flagged; a common-source partner is named as the author when an article's likely original is one and its verdict names no wire (the popup and the CLI then call the partner the likely original, not where a wire's text was first seen; lower is better; the anchor names no wires); precision per band = labelled reuse (same-article included) among the sampled flags now in that band.`,
    '',
    ...perFile.map((p) => `- ${p}`),
    'skip' in zyte
      ? `- Zyte pairs: skipped (${zyte.skip}).`
      : `- **Zyte benchmark pages** (test 2): the 181 hand-marked article bodies of ../shared/eval/article-extraction-benchmark as one corpus (undated; each page's URL is its address), each checked at its own address. Pairs read: ${zyte.labels.selection.strata.map((s) => `${s.name} ${s.pairs.length} of ${s.population}`).join(', ')} — ${new Set(zyte.labels.selection.strata.flatMap((s) => s.pairs)).size} distinct; "shared rare names" = pairs sharing ≥ ${ZYTE_MIN_SHARED_NAMES} capitalised names found in ≤ ${ZYTE_RARE_PAGES} pages (different outlets on one event). Scored on pairs only (no dates, no article labels).`,
    ...(unlabelled.length ? [`- Not yet labelled, so not scored: ${unlabelled.join(', ')}.`] : []),
    ...(errors ? [`- **${errors} checks threw.**`] : []),
  ].join('\n');
  return { title: NEWS_TITLE, markdown, devErrors: newsDevErrors(runs.filter((r) => r.file.split === 'dev')), numbers: { ...numbers, seconds: Object.fromEntries(runs.map((r) => [r.file.name, r.seconds])) } };
}

/**
 * Dev only (never the test files): the republications Firsthand did not call, and its sampled
 * flags the labels call no reuse, with the label's reason, for whoever works on issues 17/18.
 */
function newsDevErrors(dev: readonly FileRun[]): string {
  const lines: string[] = [];
  for (const r of dev) {
    const pairs = labelledPairs(r.labels);
    const time = new Map(r.file.articles.map((a) => [a.id, a.scrapeTime]));
    const publisher = new Map(r.file.articles.map((a) => [a.id, a.publisher]));
    const earlier = earlierReusePartners(r.file.articles, r.labels);
    const scoredOnce = laterScrapes(r.labels);
    const republished = r.engine.calls.filter((c) => {
      const label = r.labels.articles[c.id]?.label;
      return label !== undefined && REPUBLICATION_LABELS.includes(label) && !scoredOnce.has(c.id);
    });
    // the headline's rule (scoreNews)
    const missed = republished.filter((c) => (earlier.get(c.id)?.length ?? 0) > 0 && !namesEarlierPartner(c, earlier.get(c.id)!));
    const first = republished.filter((c) => (earlier.get(c.id)?.length ?? 0) === 0).length;
    lines.push(`### ${r.file.name}`, '', `Republications with an earlier-scraped labelled partner not called copy/partial of one (${missed.length}; ${first} more are the first carrier of their text seen, so original is right):`, '');
    for (const c of missed.slice(0, 40)) {
      const entry = r.labels.articles[c.id]!;
      lines.push(`- #${c.id} ${publisher.get(c.id)} ${time.get(c.id)} [${entry.label}${entry.wire ? ` ${entry.wire}` : ''}]: ${c.status}${c.likelyOriginal ? ` of #${c.likelyOriginal}` : ''}; earlier partners ${earlier.get(c.id)!.map((p) => `#${p}`).join(', ')}`);
    }
    if (missed.length > 40) lines.push(`- … ${missed.length - 40} more`);
    const sampled = new Set(r.labels.selection.strata.filter((s) => s.name.startsWith('engine ')).flatMap((s) => s.pairs));
    const falseFlags = [...sampled].filter((k) => (r.engine.pairs.get(k) ?? 0) >= FLAG_COVERAGE && !isReuse(pairs.get(k)));
    lines.push('', `Sampled Firsthand flags the labels call no reuse (${falseFlags.length}):`, '');
    for (const k of falseFlags) {
      const [x, y] = splitKey(k);
      const e = pairs.get(k);
      lines.push(`- ${k} (${publisher.get(x)} / ${publisher.get(y)}) coverage ${fmt(r.engine.pairs.get(k) ?? 0, 2)}: ${e ? `${e.label}, ${e.reason}` : 'unlabelled'}`);
    }
    // the headline's rules (scoreNews)
    const accused = r.engine.calls.filter((c) => {
      const label = r.labels.articles[c.id]?.label;
      return label !== undefined && expectsLeftAlone(label) && !scoredOnce.has(c.id) && (c.status === 'copy' || c.status === 'partial');
    });
    lines.push('', `Originals and independent reports called copy/partial (${accused.length}):`, '');
    for (const c of accused) {
      lines.push(`- #${c.id} ${publisher.get(c.id)} ${time.get(c.id)} [${r.labels.articles[c.id]!.label}]: ${c.status} of #${c.likelyOriginal} ${publisher.get(c.likelyOriginal ?? '') ?? ''}`);
    }
    const asAuthor = r.engine.calls.filter((c) => !scoredOnce.has(c.id) && r.labels.articles[c.id] !== undefined && c.wire !== true && namesCommonSourcePartner(c, pairs));
    lines.push('', `Common-source partners named as the author, no wire named (${asAuthor.length}):`, '');
    for (const c of asAuthor) {
      const entry = r.labels.articles[c.id]!;
      const partner = r.labels.articles[c.likelyOriginal!];
      lines.push(`- #${c.id} ${publisher.get(c.id)} ${time.get(c.id)} [${entry.label}${entry.wire ? ` ${entry.wire}` : ''}]: ${c.status} of #${c.likelyOriginal} ${publisher.get(c.likelyOriginal!)} ${time.get(c.likelyOriginal!)} [${partner?.label ?? 'unlabelled'}${partner?.wire ? ` ${partner.wire}` : ''}]`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
