import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readArticleFolder } from '../cli/article-folder.js';
import { buildCorpusIndex } from '../engine/index.js';
import { SEEDS_CORPUS_FILE, SEEDS_DIR } from './paths.js';

/** Indexes seeds/ (texts and catalog.json) into the corpus the CLI and the extension bundle. */
export async function buildSeedsCorpusFile(): Promise<void> {
  const articles = await readArticleFolder(SEEDS_DIR);
  await mkdir(path.dirname(SEEDS_CORPUS_FILE), { recursive: true });
  await writeFile(SEEDS_CORPUS_FILE, buildCorpusIndex(articles));
}
