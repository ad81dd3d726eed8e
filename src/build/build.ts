/**
 * `npm run build`: everything the CLI and the extension ship, into dist/.
 * Each step is its own module so it can be run and tested alone.
 */
import { buildLexiconFile } from './build-lexicon.js';
import { buildSeedsCorpusFile } from './build-seeds-corpus.js';
import { bundleCli } from './bundle-cli.js';
import { bundleExtension } from './bundle-extension.js';

const started = performance.now();
await buildLexiconFile();
await buildSeedsCorpusFile();
await bundleCli();
await bundleExtension();
console.log(`build: done in ${Math.round(performance.now() - started)} ms`);
