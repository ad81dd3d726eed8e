import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  attribute, buildCorpusIndex, checkedPart, COPY_THRESHOLD, CorpusFormatError, loadCorpus,
  type Corpus, type DirectionEvidence, type Lexicon, type Passage, type SharedQuote, type Span, type Verdict,
} from '../engine/index.js';
import { readArticleFolder } from './article-folder.js';
import { loadCorpusSegments } from './segment-files.js';
import { CliError, ExitCode } from './cli-error.js';
import type { PageText } from './read-page.js';
import { printableLine } from './terminal-text.js';

/** The report `firsthand check --json` prints (issue #2's shape, plus timings and thresholds). */
export interface CheckReport {
  readonly page: {
    title: string; words: number; extractor: string; published: string | null; url: string | null; text: string;
    /** Where `url` came from: `option` (--url), `canonical` (the page's own canonical link, no --url given), or null. */
    urlFrom: 'option' | 'canonical' | null;
    /** The address the page declares for itself; evidence of what it republishes when at another site. */
    canonical: string | null;
    /** Total words when the page was longer than the engine checks; `words` and `text` are then the checked part. */
    truncatedFrom: number | null;
  };
  readonly status: Verdict['status'];
  readonly likelyOriginal: string | null;
  readonly self: string | null;
  /** How `self` was told: `address`, `outlet` (the article's outlet is the page's site) or `words` (no address on either side). */
  readonly selfBy: Verdict['selfBy'];
  /** For `same-text`: the article with the page's text whose order (or identity) cannot be told. */
  readonly sameText: string | null;
  /** The wire story the page carries (see Verdict.wire), or null. */
  readonly wire: Verdict['wire'];
  /** When the page lists other articles' headlines and ledes (see Verdict.listing): how many; else null. */
  readonly listing: Verdict['listing'];
  readonly overlap: number;
  readonly derived: Verdict['derived'];
  readonly sources: ReadonlyArray<{
    id: string; title: string; outlet: string | null; published: string | null; url: string | null;
    relation: string; evidence: readonly DirectionEvidence[]; coverage: number; passages: readonly Passage[]; quotes: readonly SharedQuote[];
  }>;
  readonly thresholds: { copy: number };
  readonly timings: { extract_ms: number; load_ms: number; query_ms: number };
}

export interface CheckContext {
  readonly corpora: readonly Corpus[];
  readonly lexicon: Lexicon;
}

/** Checks an extracted page against the corpora. `timings` are filled in by the caller where it measured them. */
export function checkPage(page: PageText, context: CheckContext, timings: { extract_ms: number; load_ms: number } = { extract_ms: 0, load_ms: 0 }): CheckReport {
  const started = performance.now();
  const verdict = attribute(
    {
      text: page.text, published: page.published, url: page.url, canonical: page.canonical,
      basedOn: page.basedOn, links: page.links, byline: page.byline, siteName: page.siteName,
    },
    context.corpora, { lexicon: context.lexicon },
  );
  const query_ms = round1(performance.now() - started);
  return {
    page: {
      title: page.title, words: verdict.pageWords, extractor: page.extractor, published: page.published, url: page.url,
      urlFrom: page.urlFrom, canonical: page.canonical,
      text: verdict.truncatedFrom === null ? page.text : checkedPart(page.text).text,
      truncatedFrom: verdict.truncatedFrom,
    },
    status: verdict.status,
    likelyOriginal: verdict.likelyOriginal,
    self: verdict.self,
    selfBy: verdict.selfBy,
    sameText: verdict.sameText,
    wire: verdict.wire,
    listing: verdict.listing,
    overlap: verdict.overlap,
    derived: verdict.derived,
    sources: verdict.sources.map(({ text: _text, ...source }) => source),
    thresholds: { copy: COPY_THRESHOLD },
    timings: { ...timings, query_ms },
  };
}

/**
 * The corpora `--corpus` names, each loaded once however often it is named (as the same path, or
 * another path to the same file): 5,000 repeats of one corpus took 1.4 GB when each was loaded.
 */
export async function loadEachCorpusOnce(args: readonly string[]): Promise<Corpus[]> {
  const byFile = new Map<string, Promise<Corpus[]>>();
  for (const arg of args) {
    const key = await realpath(arg).catch(() => path.resolve(arg));
    if (!byFile.has(key)) byFile.set(key, loadCorpusArgument(arg));
  }
  return (await Promise.all(byFile.values())).flat();
}

/**
 * Runs a check whose corpora may hold an article text the engine cannot decode although its
 * checksum matches (invalid UTF-8 written with a recomputed checksum): that is a corrupt corpus
 * (exit 5), not a bug in the CLI.
 */
export function asCorpusFailure<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new CliError(ExitCode.Corpus, 'corrupt corpus: an article text is not valid UTF-8');
    }
    throw error;
  }
}

/** A `--corpus` argument: a corpus file, a growing corpus (its segments), or a folder of articles indexed on the fly. */
export async function loadCorpusArgument(arg: string): Promise<Corpus[]> {
  let isFolder: boolean;
  try {
    const info = await stat(arg);
    isFolder = info.isDirectory();
    // A device or a named pipe would be read without end, or wait for a writer.
    if (!isFolder && !info.isFile()) throw new CliError(ExitCode.Corpus, `${arg}: not a corpus file or folder (a device, pipe or socket)`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(ExitCode.Corpus, `${arg}: corpus not found`);
  }
  if (!isFolder) return loadCorpusSegments(arg);
  const articles = await readArticleFolder(arg);
  try {
    return [loadCorpus(buildCorpusIndex(articles))];
  } catch (error) {
    if (error instanceof CorpusFormatError || error instanceof Error) throw new CliError(ExitCode.Corpus, `${arg}: ${error.message}`);
    throw error;
  }
}

/** The human-readable report printed without `--json`; page and corpus text is stripped of terminal controls. */
export function formatReport(report: CheckReport, name: string): string {
  return formatReportLines(report, printableLine(name)).map(printableLine).join('\n') + '\n';
}

function formatReportLines(report: CheckReport, name: string): string[] {
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const lines: string[] = [];
  const byId = new Map(report.sources.map((s) => [s.id, s]));
  const describe = (id: string): string => {
    const s = byId.get(id);
    if (!s) return id;
    return `${s.title} — ${s.outlet ?? 'unknown outlet'}, ${s.published ?? 'undated'}${s.url ? ` <${s.url}>` : ''} [${id}]`;
  };
  lines.push(`${name}: "${report.page.title}" (${report.page.words} words, extracted by ${report.page.extractor})`);
  if (report.page.urlFrom === 'canonical') {
    lines.push(`Address: <${report.page.url}>, from the page's own canonical link (no --url given; a page may name any address).`);
  }
  if (report.page.truncatedFrom !== null) {
    lines.push(`Note: the page has ${report.page.truncatedFrom} words; only the first ${report.page.words} were checked, and the figures below refer to them.`);
  }
  if (report.listing) {
    lines.push(`LISTING: this page lists ${report.listing.stories} articles (headlines and ledes); it is no article itself. Check one of them on its own page.`);
  }
  switch (report.status) {
    case 'copy':
      lines.push(`COPY: ${pct(report.overlap)} of this page is derived from earlier articles.`);
      // a wire story's carriers are not its author: name the wire, and where the text was first seen
      if (report.wire && report.likelyOriginal === report.wire.firstSeen) {
        lines.push(report.wire.name === null
          ? `Syndicated copy, no author credited; first seen at: ${describe(report.likelyOriginal!)}`
          : `Wire copy credited to ${report.wire.name} (syndication); first seen at: ${describe(report.likelyOriginal!)}`);
      } else {
        lines.push(`Likely original: ${describe(report.likelyOriginal!)}`);
      }
      break;
    case 'partial':
      lines.push(`PARTIAL: ${pct(report.overlap)} of this page is derived from earlier articles.`);
      lines.push(`Main source: ${describe(report.likelyOriginal!)}`);
      break;
    case 'same-text': {
      const same = byId.get(report.sameText!);
      const sameDay = same?.published && same.published.slice(0, 10) === report.page.published?.slice(0, 10) ? ', published the same day' : '';
      // without both addresses, the words cannot say whether the page is that article either
      const unknown = same?.url && report.page.url ? 'which came first cannot be told' : 'which came first, or whether this page is that article, cannot be told';
      lines.push(`SAME TEXT: ${pct(same?.coverage ?? 0)} of this page is the same text as ${describe(report.sameText!)}${sameDay}; ${unknown}.`);
      break;
    }
    case 'original':
      lines.push(`ORIGINAL: this page is corpus article ${report.self}, and no earlier article accounts for half of it.`);
      break;
    case 'no-match': {
      lines.push('NO KNOWN SOURCE: no earlier article in the corpus overlaps this page.');
      const sameDay = report.sources.filter((s) => s.relation === 'unknown-order');
      const later = report.sources.filter((s) => s.relation === 'copy').length;
      if (sameDay.length > 0) {
        lines.push(`${pct(Math.max(...sameDay.map((s) => s.coverage)))} of it is also in an article published the same day: which came first, or whether this page is that article, cannot be told.`);
      }
      if (later > 0) lines.push(`${later} later article(s) reuse its text: this page may be their original.`);
      break;
    }
  }
  if (report.wire) {
    lines.push(report.wire.name === null
      ? `${report.wire.carriers} other outlet(s) in the corpus carry its text, none credited: syndicated copy, or copies of one article.`
      : `It carries ${report.wire.name} copy; ${report.wire.carriers} other carrier(s) of it in the corpus.`);
  }
  if (report.self && report.status !== 'original') lines.push(`This page is corpus article ${report.self}.`);
  if (report.self && report.selfBy === 'words') lines.push('Told by its words alone: neither the page nor the article has an address.');
  const d = report.derived;
  if (report.overlap > 0) lines.push(`Derived words: ${d.verbatim} verbatim, ${d['near-verbatim']} near-verbatim, ${d.paraphrase} paraphrased.`);
  for (const s of report.sources) {
    const relation = s.relation === 'source' ? 'earlier source' : s.relation === 'copy' ? 'later copy' : 'order unknown';
    lines.push(`  ${pct(s.coverage).padStart(4)}  ${relation}: ${describe(s.id)} — ${s.passages.length} passage(s)${s.quotes.length ? `, ${s.quotes.length} shared quote(s)` : ''}`);
    for (const e of s.evidence) if (e.kind !== 'dates' || s.evidence.length > 1 || s.relation === 'unknown-order') lines.push(`        ${e.kind}: ${e.detail}`);
  }
  const first = report.sources[0]?.passages.slice(0, 3) ?? [];
  for (const p of first) lines.push(`    [${p.kind}, similarity ${p.similarity}] "${excerpt(report.page.text, p.page)}"`);
  return lines;
}

function excerpt(text: string, [start, end]: Span): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
