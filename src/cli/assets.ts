import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusFormatError, LexiconFormatError, loadCorpus, loadLexicon, type Corpus, type Lexicon } from '../engine/index.js';
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

/** Loads a corpus file, turning every way it can be wrong into exit code 5. */
export async function loadCorpusFile(file: string): Promise<Corpus> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new CliError(ExitCode.Corpus, `${file}: corpus file not found or unreadable`);
  }
  try {
    const corpus = loadCorpus(bytes);
    if (corpus.size === 0) throw new CliError(ExitCode.Corpus, `${file}: the corpus is empty`);
    return corpus;
  } catch (error) {
    if (error instanceof CorpusFormatError) throw new CliError(ExitCode.Corpus, `${file}: ${error.message}`);
    throw error;
  }
}
