/**
 * One fuzz case run in process, through the code the CLI runs (readPage, loadCorpusFile, the
 * engine's attribute), judged by the CLI's own contract: a result whose invariants hold, or a
 * documented exit code with a one-line message. Anything else is a crash.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { attribute, checkedPart, CorpusFormatError, type Corpus, type Lexicon, type Status, type Verdict } from '../engine/index.js';
import { loadCorpusFile } from '../cli/assets.js';
import { asCorpusFailure } from '../cli/check.js';
import { CliError, ExitCode } from '../cli/cli-error.js';
import { readPage } from '../cli/read-page.js';
import { MAX_INPUT_BYTES } from '../cli/read-input.js';
import type { FuzzPage } from './hostile-pages.js';

/** Every status the engine may answer; typed over `Status`, so a new status cannot be forgotten here. */
const STATUSES: Record<Status, true> = { copy: true, partial: true, 'same-text': true, original: true, 'no-match': true };

export type CaseOutcome =
  /** `fingerprint` condenses the answer, to compare two runs of the same case. */
  | { readonly result: 'answer'; readonly fingerprint: string; readonly wrong: readonly string[] }
  | { readonly result: 'refused'; readonly exitCode: number; readonly fingerprint: string; readonly wrong: readonly string[] }
  | { readonly result: 'crash'; readonly message: string };

/** Exit codes each step may end with, per the README's table. */
const PAGE_CODES = new Set<number>([ExitCode.Unreadable, ExitCode.NoArticle]);
const CORPUS_CODES = new Set<number>([ExitCode.Corpus]);

export interface FuzzContext {
  readonly seedsCorpus: Corpus;
  readonly lexicon: Lexicon;
  readonly tmpDir: string;
}

/** A hostile page checked against the bundled seeds corpus, as `firsthand check` does. */
export function runPageCase(page: FuzzPage, context: FuzzContext): CaseOutcome {
  // readInput refuses what is past its cap before readPage sees it.
  if (page.bytes.length > MAX_INPUT_BYTES) return { result: 'refused', exitCode: ExitCode.Unreadable, fingerprint: 'too-large', wrong: [] };
  let text;
  try {
    text = readPage(page.bytes, page.name);
  } catch (error) {
    return refusal(error, PAGE_CODES);
  }
  const wrong: string[] = [];
  if (/[\x00]/.test(text.title)) wrong.push('title holds NUL');
  return checkOutcome(text, [context.seedsCorpus], context, wrong, page.expect);
}

/** A damaged corpus file loaded as `--corpus` and used for a seed page, as `firsthand check` does. */
export async function runCorpusCase(bytes: Uint8Array, pageText: string, name: string, context: FuzzContext): Promise<CaseOutcome> {
  const file = path.join(context.tmpDir, `${name}.fhc`);
  writeFileSync(file, bytes);
  let corpus: Corpus;
  try {
    corpus = await loadCorpusFile(file);
  } catch (error) {
    return refusal(error, CORPUS_CODES);
  }
  return checkOutcome({ text: pageText, published: null, url: null }, [corpus], context, []);
}

function checkOutcome(
  page: { text: string; published: string | null; url: string | null },
  corpora: readonly Corpus[], context: FuzzContext, wrong: string[], expect?: FuzzPage['expect'],
): CaseOutcome {
  let verdict: Verdict;
  try {
    verdict = asCorpusFailure(() => attribute(page, corpora, { lexicon: context.lexicon }));
  } catch (error) {
    return refusal(error instanceof CorpusFormatError ? new CliError(ExitCode.Corpus, error.message) : error, CORPUS_CODES);
  }
  wrong.push(...invariantViolations(verdict, checkedPart(page.text).text));
  if (expect && (verdict.status !== expect.status || verdict.likelyOriginal !== expect.likelyOriginal)) {
    wrong.push(`expected ${expect.status} of ${expect.likelyOriginal}, got ${verdict.status} of ${verdict.likelyOriginal}`);
  }
  return { result: 'answer', fingerprint: fingerprint(verdict), wrong };
}

/** What must hold of every verdict: fractions in [0, 1], spans inside their texts, counts that add up. */
export function invariantViolations(verdict: Verdict, checkedText: string): string[] {
  const wrong: string[] = [];
  const fraction = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;
  if (!fraction(verdict.overlap)) wrong.push(`overlap ${verdict.overlap}`);
  const derived = Object.values(verdict.derived).reduce((a, b) => a + b, 0);
  if (derived > verdict.pageWords) wrong.push(`derived ${derived} > page words ${verdict.pageWords}`);
  if (!Object.hasOwn(STATUSES, verdict.status)) wrong.push(`status ${verdict.status}`);
  const inside = ([start, end]: readonly [number, number], length: number): boolean =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
  for (const source of verdict.sources) {
    if (!fraction(source.coverage)) wrong.push(`coverage ${source.coverage} of ${source.id}`);
    let last = 0;
    for (const passage of source.passages) {
      if (!inside(passage.page, checkedText.length)) wrong.push(`page span ${passage.page} outside 0..${checkedText.length}`);
      if (!inside(passage.source, source.text.length)) wrong.push(`source span ${passage.source} outside 0..${source.text.length}`);
      if (passage.page[0] < last) wrong.push(`passages overlap at ${passage.page[0]}`);
      if (!(passage.similarity > 0 && passage.similarity <= 1)) wrong.push(`similarity ${passage.similarity}`);
      last = passage.page[1];
    }
    for (const quote of source.quotes) {
      if (!inside(quote.page, checkedText.length) || !inside(quote.source, source.text.length)) wrong.push(`quote span outside its text`);
    }
  }
  return wrong;
}

function refusal(error: unknown, allowed: ReadonlySet<number>): CaseOutcome {
  if (error instanceof CliError && allowed.has(error.exitCode)) {
    const wrong = error.message.includes('\n') ? ['message spans several lines'] : [];
    return { result: 'refused', exitCode: error.exitCode, fingerprint: `${error.exitCode}:${error.message}`, wrong };
  }
  const message = error instanceof CliError ? `exit ${error.exitCode}: ${error.message}` : `${(error as Error).name}: ${(error as Error).message}`;
  return { result: 'crash', message };
}

function fingerprint(verdict: Verdict): string {
  return JSON.stringify([verdict.status, verdict.likelyOriginal, verdict.self, verdict.overlap, verdict.pageWords,
    verdict.sources.map((s) => [s.id, s.coverage, s.passages.map((p) => [p.page, p.source, p.kind, p.similarity])])]);
}

