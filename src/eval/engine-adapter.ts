/**
 * The engine as the evaluation uses it in-process: build a corpus from articles, check a page
 * against it with the shipped lexicon. The same functions the CLI and the extension call; nothing
 * here changes a threshold. A missing lexicon build gives a clear message instead of a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as engine from '../engine/index.js';
import type { ArticleInput, AttributeOptions, Corpus, PageInput, Verdict } from '../engine/index.js';
import { REPO_ROOT } from './shared-data.js';

export const LEXICON_PATH = path.join(REPO_ROOT, 'dist/data/lexicon.bin');
export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli.js');

/** A corpus built and loaded in memory, opaque to the evaluation. */
export interface EvalCorpus {
  readonly size: number;
  /** Bytes of the serialized index (retrieval index + article store). */
  readonly bytes: number;
}

export interface EvalEngine {
  corpus(articles: readonly ArticleInput[]): EvalCorpus;
  check(page: PageInput, corpora: readonly EvalCorpus[]): Verdict;
}

type Lexicon = NonNullable<AttributeOptions['lexicon']>;


/** The engine with the built lexicon, or the reason it cannot be used yet. */
export async function loadEvalEngine(): Promise<EvalEngine | { skip: string }> {
  if (!existsSync(LEXICON_PATH)) return { skip: `${LEXICON_PATH} is missing: run \`npm run build\` first` };
  const lexicon: Lexicon = engine.loadLexicon(new Uint8Array(readFileSync(LEXICON_PATH)));
  const loaded = new WeakMap<EvalCorpus, Corpus>();
  return {
    corpus(articles) {
      const bytes = engine.buildCorpusIndex(articles);
      const corpus = engine.loadCorpus(bytes);
      const handle: EvalCorpus = { size: corpus.size, bytes: bytes.byteLength };
      loaded.set(handle, corpus);
      return handle;
    },
    check(page, corpora) {
      const list = corpora.map((c) => {
        const corpus = loaded.get(c);
        if (!corpus) throw new Error('corpus was not built by this engine adapter');
        return corpus;
      });
      return engine.attribute(page, list, { lexicon });
    },
  };
}
