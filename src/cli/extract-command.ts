/**
 * `firsthand extract <page.html | page.txt | - …> [--json]`: article extraction alone, as the
 * extension does it, for one file or hundreds.
 *
 * Exit codes (issue 2 conventions): 0 every file extracted; 2 usage error; 3 at least one file was
 * unreadable or undecodable (binary); 4 otherwise at least one file had no article. A failing file
 * never stops the others: each still gets its line.
 */
import { readFile } from 'node:fs/promises';
import { TextDecodeError } from '../extract/decode-text.js';
import { decodePage, isHtml } from './read-page.js';
import { paragraphsFromPlainText } from '../extract/block-text.js';
import { extractFromHtml } from '../extract/node-html.js';
import type { ExtractedArticle } from '../extract/types.js';

export const EXIT_OK = 0;
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

type FileResult =
  | { file: string; article: ExtractedArticle }
  | { file: string; error: { code: 'unreadable' | 'binary' | 'no-article' | 'empty-page'; message: string } };

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
    const result = await extractFile(file, io.stdin ?? process.stdin);
    if ('error' in result) {
      const code = result.error.code === 'unreadable' || result.error.code === 'binary' ? EXIT_UNREADABLE : EXIT_NO_ARTICLE;
      exit = exit === EXIT_OK ? code : Math.min(exit, code); // 3 (cannot read) outranks 4 (read, nothing found)
      io.stderr.write(`firsthand extract: ${file}: ${result.error.message}\n`);
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
  return `== ${file}\n${a.title || '(no title)'}\n(${meta})\n\n${a.text}\n\n`;
}

async function usageError(io: Io, out: LineWriter, json: boolean, message: string): Promise<number> {
  io.stderr.write(`firsthand extract: ${message}\n${USAGE}\n`);
  if (json) await out.write(`${JSON.stringify({ error: { code: 'usage', message } })}\n`);
  return out.finish(EXIT_USAGE);
}

async function extractFile(file: string, stdin: NodeJS.ReadableStream): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readAll(stdin) : await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    return { file, error: { code: 'unreadable', message: `cannot read the file (${reason})` } };
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

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
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
