/**
 * `firsthand follow <feeds-file> --corpus <file>`: keeps a corpus file current with the news
 * sources a file lists (one site or feed address a line), for cron. State (feeds, validators,
 * per-source status, items seen, first-seen times) lives in `<corpus>.follow.json`. A run that
 * finds new articles appends them to the corpus as a new segment (a growing corpus, see
 * segment-files.ts; a single-file corpus becomes its first segment) and merges what is due; a run
 * that finds none leaves the file alone. Per-source failures are reported, not fatal: exit 0 and one
 * summary line on stdout, one line per failure on stderr.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { liveArticles } from '../engine/index.js';
import { extractFromHtml } from '../extract/node-html.js';
import { pageText } from '../extract/page-text.js';
import { isExtractionFailure } from '../extract/types.js';
import {
  EMPTY_FOLLOW_STATE, followableAddress, mergeFollowed, parseFollowState, PoliteFetcher, retentionDue, runFollow,
  type FollowState, type PageArticle, type SourceRunReport,
} from '../follow/index.js';
import { parseWithLinkedom } from '../follow/linkedom-documents.js';
import { pageReaderOver } from '../follow/page-reader.js';
import { credited } from '../follow/source-status.js';
import { growCorpusFile, loadCorpusSegments } from './segment-files.js';
import { CliError, ExitCode } from './cli-error.js';

export const FOLLOW_USAGE = 'firsthand follow <feeds file> --corpus <corpus file> [--max-new 50] [--max-age-days 90] [--max-articles N] [--max-mb 200] [--pause-ms 1000]';

interface Streams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export async function runFollowCommand(args: string[], streams: Streams): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      corpus: { type: 'string' },
      'max-new': { type: 'string', default: '50' },
      'max-age-days': { type: 'string', default: '90' },
      'max-articles': { type: 'string' },
      'max-mb': { type: 'string', default: '200' },
      'pause-ms': { type: 'string', default: '1000' },
    },
  });
  if (positionals.length !== 1 || !values.corpus) throw new CliError(ExitCode.Usage, `follow takes a feeds file and --corpus <file>: ${FOLLOW_USAGE}`);
  const maxNew = count(values['max-new'], '--max-new', 1);
  const maxAgeDays = count(values['max-age-days'], '--max-age-days', 1);
  const maxArticles = values['max-articles'] === undefined ? null : count(values['max-articles'], '--max-articles', 1);
  const pauseMs = count(values['pause-ms'], '--pause-ms', 0);
  const maxBytes = count(values['max-mb'], '--max-mb', 1) * 1024 * 1024;
  const corpusFile = values.corpus;
  const stateFile = `${corpusFile}.follow.json`;

  const sources = await readSources(positionals[0]!);
  // cron may start a run while the last one still fetches: the second leaves everything to the first.
  const lockFile = `${corpusFile}.follow.lock`;
  const held = await takeLock(lockFile);
  if (held !== null) {
    await write(streams.stdout, `firsthand follow: another run holds ${lockFile} (since ${held}); nothing done\n`);
    return ExitCode.Ok;
  }
  try {
    return await followLocked(sources, corpusFile, stateFile, { maxNew, maxAgeDays, maxArticles, maxBytes, pauseMs }, streams);
  } finally {
    await rm(lockFile, { force: true });
  }
}

interface FollowOptions {
  readonly maxNew: number;
  readonly maxAgeDays: number;
  readonly maxArticles: number | null;
  /** Bytes of stored article text and metadata the corpus may hold (the oldest first-seen go first). */
  readonly maxBytes: number;
  readonly pauseMs: number;
}

/** A lock older than this is a crashed run's: taken over. */
const STALE_LOCK_MS = 2 * 60 * 60_000;

/** Takes the lock; returns null when taken, else when the run holding it started. */
async function takeLock(lockFile: string): Promise<string | null> {
  try {
    await writeFile(lockFile, `${process.pid} ${new Date().toISOString()}\n`, { flag: 'wx' });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new CliError(ExitCode.Corpus, `${lockFile}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const since = (await stat(lockFile)).mtimeMs;
  if (Date.now() - since < STALE_LOCK_MS) return new Date(since).toISOString();
  await writeFile(lockFile, `${process.pid} ${new Date().toISOString()}\n`);
  return null;
}

async function followLocked(sources: string[], corpusFile: string, stateFile: string, options: FollowOptions, streams: Streams): Promise<number> {
  const { maxNew, maxAgeDays, maxArticles, maxBytes, pauseMs } = options;
  const state = await readState(stateFile);
  // A corpus that cannot be read is refused before anything is fetched, and never overwritten.
  const corpus = existsSync(corpusFile) ? await loadCorpusSegments(corpusFile) : null;
  const stored = corpus === null ? [] : corpus.flatMap(liveArticles);

  const now = Date.now();
  const fetcher = new PoliteFetcher({
    fetch: globalThis.fetch, perSiteIntervalMs: pauseMs,
    headers: { 'user-agent': 'Firsthand-follow/0.1 (news source attribution; one request per site at a time)' },
  });
  const run = await runFollow(sources, state, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => now }, { maxNewArticles: maxNew, maxAgeDays });

  const limits = { maxAgeDays, maxArticles };
  let nextState = run.state;
  let summary: Summary = { added: 0, replaced: 0, duplicates: 0, expired: 0, total: stored.length, segments: 0, written: false, removed: false };
  if (run.articles.length > 0 || retentionDue(run.state, now, limits)) {
    const merged = mergeFollowed(stored, run.articles, run.state, now, limits);
    nextState = { ...merged.state, sources: creditSources(merged.state, merged.addedBySource) };
    const changed = merged.added + merged.replaced + merged.expired > 0;
    if (changed) {
      // what the merge decided, as a change to the stored corpus: new and updated articles appended, expired ones removed
      const before = new Map(stored.map((a) => [a.id, a]));
      const after = new Set(merged.articles.map((a) => a.id));
      const incoming = merged.articles.filter((a) => before.get(a.id)?.text !== a.text || before.get(a.id)?.title !== a.title);
      const remove = new Set(stored.filter((a) => !after.has(a.id)).map((a) => a.id));
      const grown = await growCorpusFile(corpusFile, incoming, { now: new Date(now).toISOString(), retention: { maxAgeDays: Infinity, maxBytes }, remove });
      summary = {
        ...merged, expired: merged.expired + grown.expired - remove.size, total: grown.total, segments: grown.manifest.segments.length, written: !grown.removed, removed: grown.removed && corpus !== null,
      };
    }
  }
  await writeAtomically(stateFile, new TextEncoder().encode(`${JSON.stringify(nextState, null, 1)}\n`));

  for (const report of run.reports) {
    for (const error of report.errors) await write(streams.stderr, `firsthand follow: ${report.source}: ${error}\n`);
    for (const skipped of report.skipped) await write(streams.stderr, `firsthand follow: ${report.source}: item skipped: ${skipped}\n`);
  }
  await write(streams.stdout, `${summaryLine(run.reports, run.deferred, summary, corpusFile)}\n`);
  return ExitCode.Ok;
}

/** The extraction `check` uses, on a fetched page. */
function readArticle(html: string, url: string): PageArticle | { error: string } {
  const article = extractFromHtml(html, url);
  if (isExtractionFailure(article)) return { error: article.error.message };
  return { title: article.title, text: pageText(article), published: article.published, url: article.url, siteName: article.siteName };
}

function creditSources(state: FollowState, addedBySource: ReadonlyMap<string, number>): FollowState['sources'] {
  const sources = { ...state.sources };
  for (const [source, added] of addedBySource) {
    const current = sources[source];
    if (current) sources[source] = { ...current, status: credited(current.status, added) };
  }
  return sources;
}

async function readSources(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(ExitCode.Unreadable, `${file}: cannot read the feeds file`);
  }
  const sources: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const verdict = followableAddress(line);
    if ('error' in verdict) throw new CliError(ExitCode.Unreadable, `${file} line ${i + 1}: ${verdict.error}`);
    if (!sources.includes(verdict.url)) sources.push(verdict.url);
  }
  if (sources.length === 0) throw new CliError(ExitCode.Unreadable, `${file}: no site or feed address in it (one a line; # starts a comment)`);
  return sources;
}

async function readState(file: string): Promise<FollowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return EMPTY_FOLLOW_STATE;
  }
  const state = parseFollowState(text);
  if ('error' in state) {
    throw new CliError(ExitCode.Corpus, `${file}: ${state.error}; it holds when each article was first seen, so it is not replaced: move it away to start afresh`);
  }
  return state;
}

/** Written beside the target, then renamed over it: a crash leaves the old file or the new one, never half of one. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    throw new CliError(ExitCode.Corpus, `${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function count(value: string | undefined, option: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value ?? '') || !Number.isSafeInteger(n) || n < min) throw new CliError(ExitCode.Usage, `${option} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

interface Summary {
  readonly added: number; readonly replaced: number; readonly duplicates: number; readonly expired: number;
  readonly total: number; readonly written: boolean;
  /** Segments the corpus is kept in after the run. */
  readonly segments: number;
  /** Retention removed every article, and with them the corpus file. */
  readonly removed: boolean;
}

function summaryLine(reports: readonly SourceRunReport[], deferred: number, s: Summary, corpusFile: string): string {
  const waiting = reports.filter((r) => r.waitingUntil !== null).length;
  const failing = reports.filter((r) => r.waitingUntil === null && r.errors.length > 0).length;
  const notArticles = reports.reduce((n, r) => n + r.notArticles, 0);
  const parts = [
    `${reports.length} source(s)${failing ? `, ${failing} with errors` : ''}${waiting ? `, ${waiting} waiting after errors` : ''}`,
    `${s.added} article(s) added`,
  ];
  if (s.replaced) parts.push(`${s.replaced} updated`);
  if (s.duplicates) parts.push(`${s.duplicates} already stored under another address`);
  if (notArticles) parts.push(`${notArticles} not article(s)`);
  const tooOld = reports.reduce((n, r) => n + r.tooOld, 0);
  if (tooOld) parts.push(`${tooOld} older than --max-age-days`);
  if (s.expired) parts.push(`${s.expired} removed by retention`);
  if (deferred) parts.push(`${deferred} left for the next run`);
  const corpus = s.removed
    ? `${corpusFile} removed: retention left no article in it`
    : s.written
    ? `${corpusFile} updated: ${s.total} article(s) in ${s.segments} segment(s)`
    : s.total > 0 ? `${corpusFile} unchanged: ${s.total} article(s)` : `${corpusFile} not written: no article to store yet`;
  return `firsthand follow: ${parts.join(', ')}; ${corpus}`;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}
