/** Where the build writes what the CLI, the extension and the tests read. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const DATA_DIR = path.join(DIST, 'data');
/** The synonym table derived from WordNet. */
export const LEXICON_FILE = path.join(DATA_DIR, 'lexicon.bin');
/** The corpus index built from seeds/. */
export const SEEDS_CORPUS_FILE = path.join(DATA_DIR, 'seeds.fhc');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const CLI_FILE = path.join(DIST, 'cli.js');
export const CHROME_DIR = path.join(DIST, 'chrome');
export const FIREFOX_DIR = path.join(DIST, 'firefox');
/** The Firefox build plus a 127.0.0.1 host permission, for the e2e suite: a real toolbar click cannot be simulated there. */
export const FIREFOX_TEST_DIR = path.join(DIST, 'firefox-test');
