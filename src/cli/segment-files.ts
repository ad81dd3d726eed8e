/**
 * A growing corpus on disk: the corpus path holds its segment list (a small JSON file) and the
 * segments sit beside it in `<corpus>.segments/`, each an ordinary corpus file. A change writes
 * every new segment under a new name (to a temporary name, synced, then renamed), then the list
 * the same way: a crash at any point leaves the list as it was, naming only whole segments, and
 * the next change deletes what no list names. A corpus file of the single-file kind is taken in
 * as the first segment on the first change (copied; the original path then holds the list).
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CorpusFormatError, EMPTY_MANIFEST, encodeManifest, groupSegments, growCorpus, looksLikeManifest, parseManifest, segmentName,
  type ArticleInput, type Corpus, type GrowingCorpusManifest, type GrowOptions, type GrowReport, type SegmentHost,
} from '../engine/index.js';
import { itemKey } from '../follow/item-key.js';
import { loadCorpusFile } from './assets.js';
import { CliError, ExitCode } from './cli-error.js';

export const segmentsDir = (file: string): string => `${file}.segments`;

/** The segment list at `file`; null when the file is a corpus file of the single-file kind, or absent. */
/** Enough of a file's start to tell a segment list (JSON, after any white space) from a corpus file. */
const MANIFEST_SNIFF_BYTES = 4096;

export async function readManifestFile(file: string): Promise<GrowingCorpusManifest | null> {
  let whole: Uint8Array;
  try {
    // a corpus file can be hundreds of megabytes: its first bytes tell it from a segment list, which alone is read whole
    const handle = await open(file, 'r');
    try {
      const first = new Uint8Array(MANIFEST_SNIFF_BYTES);
      const { bytesRead } = await handle.read(first, 0, first.length, 0);
      if (!looksLikeManifest(first.subarray(0, bytesRead))) return null;
    } finally {
      await handle.close();
    }
    whole = new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(ExitCode.Corpus, `${file}: corpus file not found or unreadable`);
  }
  if (!looksLikeManifest(whole)) return null;
  try {
    return parseManifest(whole);
  } catch (error) {
    if (error instanceof CorpusFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    throw error;
  }
}

/** A `--corpus` file as the corpora a check looks up: one, or the segments of a growing corpus. */
export async function loadCorpusSegments(file: string): Promise<Corpus[]> {
  const manifest = await readManifestFile(file);
  if (manifest === null) return [await loadCorpusFile(file)];
  if (manifest.segments.length === 0) throw new CliError(ExitCode.Corpus, `${file}: the corpus is empty`);
  const segments = [];
  for (const entry of manifest.segments) segments.push({ name: entry.name, corpus: await loadCorpusFile(path.join(segmentsDir(file), entry.name)) });
  try {
    return groupSegments(manifest, segments);
  } catch (error) {
    if (error instanceof CorpusFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    throw error;
  }
}

/** Writes `bytes` to `file` by way of a synced temporary file renamed over it. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  syncFile(temporary);
  await rename(temporary, file);
  syncFile(path.dirname(file));
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The segment files of one growing corpus, as the engine's growCorpus writes them. */
export class SegmentFiles implements SegmentHost {
  readonly #file: string;
  readonly #dir: string;
  /** For tests: the write after this many fails, as a crash between two steps would. */
  readonly #crashAfterWrites: number | null;
  #writes = 0;

  constructor(file: string, options: { crashAfterWrites?: number | null } = {}) {
    this.#file = file;
    this.#dir = segmentsDir(file);
    this.#crashAfterWrites = options.crashAfterWrites ?? null;
  }

  load(name: string): Promise<Corpus> {
    return loadCorpusFile(path.join(this.#dir, name));
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    this.#step();
    await mkdir(this.#dir, { recursive: true });
    await writeDurably(path.join(this.#dir, name), bytes);
  }

  /** Takes a corpus file of the single-file kind in as segment `name` (a copy, synced, renamed). */
  async adopt(name: string, source: string): Promise<void> {
    this.#step();
    await mkdir(this.#dir, { recursive: true });
    const target = path.join(this.#dir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    await copyFile(source, temporary);
    syncFile(temporary);
    await rename(temporary, target);
  }

  async commit(manifest: GrowingCorpusManifest): Promise<void> {
    this.#step();
    await writeDurably(this.#file, encodeManifest(manifest));
  }

  async discard(names: readonly string[]): Promise<void> {
    for (const name of names) await rm(path.join(this.#dir, name), { force: true });
  }

  /** Deletes what no list names: segments and temporary files a crashed change left. */
  async discardUnlisted(manifest: GrowingCorpusManifest): Promise<void> {
    const listed = new Set(manifest.segments.map((e) => e.name));
    const present = await readdir(this.#dir).catch(() => [] as string[]);
    for (const name of present) if (!listed.has(name)) await rm(path.join(this.#dir, name), { force: true });
  }

  #step(): void {
    if (this.#crashAfterWrites !== null && this.#writes++ >= this.#crashAfterWrites) throw new Error('simulated crash');
  }
}

export interface FileGrowReport extends GrowReport {
  /** Live articles in the corpus after the change. */
  readonly total: number;
  /** True when the change left no article, and the corpus file and its segments were removed. */
  readonly removed: boolean;
}

/**
 * Adds `articles` to the corpus at `file` (created when absent; a single-file corpus becomes the
 * first segment of a growing one), merges what is due, applies retention. `remove` names articles
 * (by id) to drop as well.
 */
export async function growCorpusFile(
  file: string, articles: readonly ArticleInput[], options: GrowOptions & { readonly remove?: ReadonlySet<string> },
  hostOptions: { crashAfterWrites?: number | null } = {},
): Promise<FileGrowReport> {
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(ExitCode.Output, `${file}: cannot write the corpus there (it is a folder)`);
  const host = new SegmentFiles(file, hostOptions);
  let start = await readManifestFile(file);
  if (start !== null) {
    await host.discardUnlisted(start);
  } else {
    await host.discardUnlisted(EMPTY_MANIFEST);
    if (existing !== null) {
      // refused here, before anything is written, when it is not a readable corpus
      const single = await loadCorpusFile(file);
      const name = segmentName(0);
      await host.adopt(name, file);
      start = { ...EMPTY_MANIFEST, segments: [{ name, articles: single.size, removed: [] }] };
    } else {
      start = EMPTY_MANIFEST;
    }
  }
  let report: GrowReport;
  try {
    // stored once per address as following tells them apart: `story.php?id=123` and `?id=124` are two articles
    report = await growCorpus(host, start, articles, options, itemKey);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof CorpusFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    throw new CliError(ExitCode.Output, `${file}: the corpus was not changed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const total = report.manifest.segments.reduce((n, e) => n + e.articles - e.removed.length, 0);
  if (total === 0) {
    // a corpus file cannot be empty: what retention emptied goes
    await rm(file, { force: true });
    await rm(segmentsDir(file), { recursive: true, force: true });
    return { ...report, total, removed: true };
  }
  return { ...report, total, removed: false };
}
