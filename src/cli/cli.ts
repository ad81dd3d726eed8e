#!/usr/bin/env node
/**
 * `firsthand`: the engine from the command line.
 *   firsthand check <page.html | page.txt | -> [--corpus <folder|file>]… [--json]
 *   firsthand build-corpus <folder> --out <file> [--add …]   (--add: append to a growing corpus, see segment-files.ts)
 *   firsthand extract <page.html …> [--json]
 * Exit codes: see cli-error.ts (0 result, 1 bug, 2 usage, 3 unreadable input, 4 no article, 5 corpus, 6 output not written).
 */
import { parseArgs } from 'node:util';
import { buildCorpusIndex, CorpusFormatError } from '../engine/index.js';
import { readArticleFolder } from './article-folder.js';
import { growCorpusFile } from './segment-files.js';

const BUILD_CORPUS_USAGE = 'firsthand build-corpus <folder> --out <index file> [--add [--compact] [--max-age-days N] [--max-mb N]]';
import { loadBundledCorpus, loadBundledLexicon } from './assets.js';
import { asCorpusFailure, checkPage, formatReport, loadEachCorpusOnce } from './check.js';
import { writeCorpusFile } from './write-output.js';
import { printableLine } from './terminal-text.js';
import { CliError, ERROR_CODES, ExitCode } from './cli-error.js';
import { runExtractCommand } from './extract-command.js';
import { FOLLOW_USAGE, runFollowCommand } from './follow-command.js';
import { readPage } from './read-page.js';
import { readInput } from './read-input.js';
import { addressKey } from '../engine/index.js';

const USAGE = `usage:
  firsthand check <page.html | page.txt | -> [--corpus <folder or index file>]... [--url <where the page is>] [--json]
  ${BUILD_CORPUS_USAGE}
  firsthand extract <page.html ...> [--json]
  ${FOLLOW_USAGE}
exit codes: 0 result, 1 internal error (a bug), 2 usage, 3 unreadable, undecodable or too large input, 4 no article found,
  5 corpus missing/empty/corrupt, 6 the output file cannot be written`;

/** Writes and waits until the stream has taken it, so piped output is never cut off at exit. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { corpus: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, url: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CliError(ExitCode.Usage, 'check takes exactly one page (a file, or - for standard input)');
  const file = positionals[0]!;
  const extractStarted = performance.now();
  if (values.url !== undefined && addressKey(values.url) === null) {
    throw new CliError(ExitCode.Usage, `--url takes a web (http, https) or file: address, not "${values.url}"`);
  }
  const read = readPage(await readInput(file), file === '-' ? 'stdin' : file);
  // The address the user gives is where they found the page; it outranks what a saved page says of itself.
  // Without it, an HTML page's canonical link stands in, and the report says so (page.urlFrom).
  const page = values.url === undefined ? read : { ...read, url: values.url, urlFrom: 'option' as const };
  const extract_ms = round1(performance.now() - extractStarted);
  const loadStarted = performance.now();
  const corpora = values.corpus?.length
    ? await loadEachCorpusOnce(values.corpus)
    : [await loadBundledCorpus()];
  const lexicon = await loadBundledLexicon();
  const load_ms = round1(performance.now() - loadStarted);
  const report = asCorpusFailure(() => checkPage(page, { corpora, lexicon }, { extract_ms, load_ms }));
  await write(process.stdout, values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, file));
  return ExitCode.Ok;
}

async function buildCorpus(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { out: { type: 'string' }, add: { type: 'boolean' }, compact: { type: 'boolean' }, 'max-age-days': { type: 'string' }, 'max-mb': { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.out) throw new CliError(ExitCode.Usage, `build-corpus takes a folder and --out <index file>: ${BUILD_CORPUS_USAGE}`);
  const articles = await readArticleFolder(positionals[0]!);
  if (values.add) {
    // Added articles are first seen now; with no limit given, nothing added by hand ever expires.
    const retention = {
      maxAgeDays: values['max-age-days'] === undefined ? Infinity : wholeNumber(values['max-age-days'], '--max-age-days'),
      maxBytes: values['max-mb'] === undefined ? Infinity : wholeNumber(values['max-mb'], '--max-mb') * 1024 * 1024,
    };
    const report = await growCorpusFile(values.out, articles, { now: new Date().toISOString(), retention, merge: values.compact ? 'all' : 'due' });
    const parts = [`${report.added} added`, `${report.replaced} updated`, `${report.duplicates} already stored`];
    if (report.expired) parts.push(`${report.expired} removed by retention`);
    await write(process.stderr, `firsthand: ${parts.join(', ')}; ${values.out} holds ${report.total} article(s) in ${report.manifest.segments.length} segment(s)\n`);
    return ExitCode.Ok;
  }
  if (values.compact || values['max-age-days'] !== undefined || values['max-mb'] !== undefined) {
    throw new CliError(ExitCode.Usage, `--compact, --max-age-days and --max-mb go with --add: ${BUILD_CORPUS_USAGE}`);
  }
  const bytes = buildCorpusIndex(articles);
  await writeCorpusFile(values.out, bytes);
  await write(process.stderr, `firsthand: indexed ${articles.length} article(s) into ${values.out} (${bytes.length} bytes)\n`);
  return ExitCode.Ok;
}

function wholeNumber(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliError(ExitCode.Usage, `${option} takes a whole number of at least 1, not "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  try {
    switch (command) {
      case 'check': return await check(rest);
      case 'build-corpus': return await buildCorpus(rest);
      case 'extract': return await runExtractCommand(rest, { stdout: process.stdout, stderr: process.stderr });
      case 'follow': return await runFollowCommand(rest, { stdout: process.stdout, stderr: process.stderr });
      case '--help': case '-h': case 'help':
        await write(process.stdout, `${USAGE}\n`);
        return ExitCode.Ok;
      default:
        throw new CliError(ExitCode.Usage, command ? `unknown command: ${command}` : 'no command given');
    }
  } catch (error) {
    const failure = toCliError(error);
    await write(process.stderr, `firsthand: ${printableLine(failure.message)}${failure.exitCode === ExitCode.Usage ? `\n${USAGE}` : ''}\n`);
    if (json) await write(process.stdout, `${JSON.stringify({ error: { code: ERROR_CODES[failure.exitCode], message: failure.message } })}\n`);
    return failure.exitCode;
  }
}

function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  // Found during a check: an article text the corpus file holds damaged, or no longer holds.
  if (error instanceof CorpusFormatError) return new CliError(ExitCode.Corpus, error.message);
  // parseArgs reports unknown or malformed options with these codes
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS')) return new CliError(ExitCode.Usage, (error as Error).message);
  return new CliError(ExitCode.Internal, `internal error: ${(error as Error).message ?? String(error)}`);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

process.exitCode = await main(process.argv.slice(2));
