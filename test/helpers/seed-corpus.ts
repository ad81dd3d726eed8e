import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LEXICON_FILE, SEEDS_CORPUS_FILE, SEEDS_DIR } from '../../src/build/paths.js';
import { loadCorpus, loadLexicon, type ArticleInput, type Corpus, type Lexicon } from '../../src/engine/index.js';

/** The built seeds corpus and synonym table (`npm test` builds them first). */
export function seedCorpus(): Corpus {
  return loadCorpus(new Uint8Array(readFileSync(SEEDS_CORPUS_FILE)));
}

export function lexicon(): Lexicon {
  return loadLexicon(new Uint8Array(readFileSync(LEXICON_FILE)));
}

interface CatalogEntry { id: string; title: string; outlet: string | null; published: string | null; url: string | null }

/** The seed articles with their catalog metadata. */
export function seedArticles(): ArticleInput[] {
  const catalog = JSON.parse(readFileSync(path.join(SEEDS_DIR, 'catalog.json'), 'utf8')) as { articles: CatalogEntry[] };
  return catalog.articles.map((a) => ({ ...a, text: readFileSync(path.join(SEEDS_DIR, `${a.id}.txt`), 'utf8') }));
}

/** Full corpus id from a label prefix such as "001". */
export function seedId(prefix: string): string {
  const found = seedArticles().find((a) => a.id.startsWith(`${prefix}_`));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found.id;
}

export function seedText(prefix: string): string {
  return seedArticles().find((a) => a.id.startsWith(`${prefix}_`))!.text;
}

/** A seed's text as `corpus` stores it: passages' source offsets point into this, not the file (the build drops captions and furniture). */
export function storedSeedText(corpus: Corpus, prefix: string): string {
  const id = seedId(prefix);
  for (let doc = 0; doc < corpus.size; doc++) if (corpus.meta(doc).id === id) return corpus.article(doc).text;
  throw new Error(`seed ${prefix} is not in the corpus`);
}
