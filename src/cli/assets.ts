import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CORPUS_HEADER_BYTES, corpusFileLengths, CorpusFormatError, isLegacyCorpus, LexiconFormatError, loadCorpus, loadCorpusHead, loadLexicon,
  looksLikeManifest, type Corpus, type Lexicon,
} from '../engine/index.js';
import { CliError, ExitCode } from './cli-error.js';

/**
 * The data files the build ships beside the CLI (dist/data/): the bundled
 * seeds corpus and the synonym table. Found next to dist/cli.js when bundled,
 * or in the repo's dist/ when run from source.
 */
export function dataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, 'data'), path.resolve(here, '../../dist/data')]) {
    if (existsSync(path.join(dir, 'seeds.fhc'))) return dir;
  }
  throw new CliError(ExitCode.Corpus, 'the bundled corpus is missing (dist/data/seeds.fhc); run `npm run build`');
}

export async function loadBundledCorpus(): Promise<Corpus> {
  return loadCorpusFile(path.join(dataDir(), 'seeds.fhc'));
}

export async function loadBundledLexicon(): Promise<Lexicon> {
  const file = path.join(dataDir(), 'lexicon.bin');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new CliError(ExitCode.Corpus, `the synonym table is missing (${file}); run \`npm run build\``);
  }
  try {
    return loadLexicon(bytes);
  } catch (error) {
    if (error instanceof LexiconFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    throw error;
  }
}

/** Reads `into.length` bytes of file `fd` from `position`; a short file is a truncated corpus. */
function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) throw new CorpusFormatError('corrupt corpus: the file is truncated');
    done += read;
  }
}

/**
 * Loads a corpus file, turning every way it can be wrong into exit code 5. Only its head
 * (index, offsets, checksums, metadata: ~10% of it) is read now; an article's text is read
 * from the file when a check aligns that article, so a 100,000-article corpus (~540 MB)
 * costs a check ~50 MB of reading, not all of it. The file stays open while the process runs.
 */
export async function loadCorpusFile(file: string): Promise<Corpus> {
  let fd: number;
  let size: number;
  try {
    // O_NONBLOCK: a named pipe is refused below instead of waiting here for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new CliError(ExitCode.Corpus, `${file}: corpus file not found or unreadable`);
  }
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw new CliError(ExitCode.Corpus, `${file}: not a corpus file (${info.isDirectory() ? 'a folder' : 'a device, pipe or socket'})`);
  }
  size = info.size;
  try {
    const header = new Uint8Array(Math.min(size, CORPUS_HEADER_BYTES));
    readFully(fd, header, 0);
    if (looksLikeManifest(header)) throw new CorpusFormatError('a growing corpus\'s segment list, not a corpus file');
    if (isLegacyCorpus(header)) {
      // an older format: rebuilt from its articles, in memory (legacy-corpus.ts); the file is left as it is
      const whole = new Uint8Array(size);
      readFully(fd, whole, 0);
      const corpus = loadCorpus(whole);
      if (corpus.size === 0) throw new CliError(ExitCode.Corpus, `${file}: the corpus is empty`);
      closeSync(fd);
      return corpus;
    }
    const lengths = corpusFileLengths(header);
    if (size < lengths.head + lengths.text) throw new CorpusFormatError(`corrupt corpus: the file is truncated (${size} of ${lengths.head + lengths.text} bytes)`);
    if (size > lengths.head + lengths.text) throw new CorpusFormatError('corrupt corpus: unexpected bytes after the end of the corpus');
    const head = new Uint8Array(lengths.head);
    readFully(fd, head, 0);
    const corpus = loadCorpusHead(head, {
      read(start, end) {
        // Offsets out of order under a recomputed checksum: a corrupt corpus, not a negative-length read.
        if (!(start >= 0 && start <= end && end <= lengths.text)) {
          throw new CorpusFormatError(`corrupt corpus: article text offsets out of order or past the end (${start}–${end} of ${lengths.text} bytes)`);
        }
        const text = new Uint8Array(end - start);
        readFully(fd, text, lengths.head + start);
        return text;
      },
    });
    if (corpus.size === 0) throw new CliError(ExitCode.Corpus, `${file}: the corpus is empty`);
    return corpus;
  } catch (error) {
    closeSync(fd);
    if (error instanceof CorpusFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    if (error instanceof CliError) throw error;
    // Past the checksum, any failure to make sense of the head (metadata that is not JSON, a section
    // that does not fit) is the file's: the corpus is corrupt.
    throw new CliError(ExitCode.Corpus, `${file}: corrupt corpus: ${(error as Error).message}`);
  }
}
