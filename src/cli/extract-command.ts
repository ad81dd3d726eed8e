/**
 * `firsthand extract <page.html | page.txt | - …> [--json]`: article extraction alone, as the
 * extension does it, for one file or hundreds.
 *
 * Exit codes (issue 2 conventions): 0 every file extracted; 2 usage error; 3 at least one file was
 * unreadable, not a regular file, too large or undecodable (binary); 4 otherwise at least one file had
 * no article; 1 a file met a bug. A page past the extraction limits (`too-large`) cannot be read: 3. A failing file
 * never stops the others: each still gets its line.
 */
import { TextDecodeError } from '../extract/decode-text.js';
import { decodePage, isHtml } from './read-page.js';
import { InputError, readInput } from './read-input.js';
import { paragraphsFromPlainText } from '../extract/block-text.js';
import { extractFromHtml } from '../extract/node-html.js';
import type { ExtractedArticle } from '../extract/types.js';
import { printable, printableLine } from './terminal-text.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREADABLE = 3;
export const EXIT_NO_ARTICLE = 4;

const USAGE = 'usage: firsthand extract <page.html | page.txt | -> ... [--json]';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where `-` reads from; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/** Per-file error codes: the first four are "cannot read" (exit 3), the rest "nothing found" (exit 4), `internal` a bug (exit 1). */
type FileErrorCode = 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'no-article' | 'empty-page' | 'internal';
const UNREADABLE_CODES: ReadonlySet<FileErrorCode> = new Set(['unreadable', 'not-a-file', 'too-large', 'binary']);

type FileResult =
  | { file: string; article: ExtractedArticle }
  | { file: string; error: { code: FileErrorCode; message: string } };

export async function runExtractCommand(args: string[], io: Io): Promise<number> {
  const out = new LineWriter(io.stdout);
  let json = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      await out.write(`${USAGE}\n`);
      return out.finish(EXIT_OK);
    } else if (arg.startsWith('-') && arg !== '-') {
      return usageError(io, out, json, `unknown option ${arg}`);
    } else files.push(arg);
  }
  if (!files.length) return usageError(io, out, json, 'no page given');

  let exit = EXIT_OK;
  for (const file of files) {
    const result = await extractFileSafely(file, io.stdin ?? process.stdin);
    if ('error' in result) {
      const code = result.error.code === 'internal' ? EXIT_INTERNAL : UNREADABLE_CODES.has(result.error.code) ? EXIT_UNREADABLE : EXIT_NO_ARTICLE;
      exit = exit === EXIT_OK ? code : Math.min(exit, code); // 1 (a bug) outranks 3 (cannot read), which outranks 4 (read, nothing found)
      io.stderr.write(`firsthand extract: ${printableLine(file)}: ${printableLine(result.error.message)}\n`);
      if (json) await out.write(`${JSON.stringify({ file, error: result.error })}\n`);
    } else {
      await out.write(json ? `${JSON.stringify(jsonLine(result.file, result.article))}\n` : readable(result.file, result.article));
    }
    if (out.closed) break; // the reader went away (e.g. `| head`): nothing more to say
  }
  return out.finish(exit);
}

function jsonLine(file: string, a: ExtractedArticle): Record<string, unknown> {
  return {
    file,
    title: a.title,
    text: a.text,
    extractor: a.extractor,
    words: a.text.split(/\s+/).filter(Boolean).length,
    byline: a.byline,
    siteName: a.siteName,
    published: a.published,
    lang: a.lang,
  };
}

function readable(file: string, a: ExtractedArticle): string {
  const meta = [`extractor: ${a.extractor}`, a.published && `published: ${a.published}`, a.lang && `lang: ${a.lang}`]
    .filter(Boolean)
    .join(', ');
  return `== ${printableLine(file)}\n${printableLine(a.title) || '(no title)'}\n(${printableLine(meta)})\n\n${printable(a.text)}\n\n`;
}

async function usageError(io: Io, out: LineWriter, json: boolean, message: string): Promise<number> {
  io.stderr.write(`firsthand extract: ${message}\n${USAGE}\n`);
  if (json) await out.write(`${JSON.stringify({ error: { code: 'usage', message } })}\n`);
  return out.finish(EXIT_USAGE);
}

/** A failure no check foresaw is that file's `internal` error line; the other files still run. */
async function extractFileSafely(file: string, stdin: NodeJS.ReadableStream): Promise<FileResult> {
  try {
    return await extractFile(file, stdin);
  } catch (err) {
    return { file, error: { code: 'internal', message: `internal error: ${(err as Error).message ?? String(err)}` } };
  }
}

async function extractFile(file: string, stdin: NodeJS.ReadableStream): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file, stdin);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // The message names the file already; the line does too.
    return { file, error: { code: err.problem, message: err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message } };
  }
  let text: string;
  try {
    text = decodePage(bytes);
  } catch (err) {
    if (err instanceof TextDecodeError) return { file, error: { code: 'binary', message: err.message } };
    throw err;
  }
  if (!text.trim()) return { file, error: { code: 'empty-page', message: 'the file is empty' } };
  if (!isHtml(file, text)) {
    // A text file is an article already: taken whole, title = its first line.
    const body = paragraphsFromPlainText(text);
    const title = body.split('\n\n', 1)[0] ?? '';
    return { file, article: { title, text: body, extractor: 'text', byline: null, siteName: null, published: null, lang: null, url: null, basedOn: [], links: [] } };
  }
  const result = extractFromHtml(text);
  return 'error' in result ? { file, error: result.error } : { file, article: result };
}

/**
 * Writes that respect back-pressure, and a `finish` that resolves only once everything written has
 * been handed to the OS: Node drops buffered stdout when the process exits, so output piped into
 * another program would otherwise arrive cut short.
 */
class LineWriter {
  closed = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    // EPIPE when the reader exits early is not our failure; stop writing instead of crashing.
    stream.on('error', this.onError);
  }

  private readonly onError = (): void => {
    this.closed = true;
  };

  async write(chunk: string): Promise<void> {
    if (this.closed) return;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.stream.off('close', done);
          this.stream.off('error', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('close', done);
        this.stream.on('error', done);
      });
    }
  }

  async finish(code: number): Promise<number> {
    if (!this.closed) {
      // The callback of an empty write runs after every earlier chunk has been flushed.
      await new Promise<void>((resolve) => {
        try {
          this.stream.write('', () => resolve());
        } catch {
          resolve();
        }
      });
    }
    this.stream.off('error', this.onError);
    return code;
  }
}
