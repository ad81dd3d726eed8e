/**
 * The check's engine side run in the calling context: in Firefox's event page, in the tests, and
 * inside Chrome's offscreen document (engine-worker.ts), where it stays loaded and compiled.
 */
import { pageText } from '../../extract/page-text.js';
import { buildAnalysis } from '../build-analysis.js';
import type { AnalyzeAnswer, AnalyzeRequest, CheckEngine } from './check-engine.js';
import { markDamagedArticle } from './damaged-articles.js';
import type { LocalEngineDeps } from './deps.js';
import { articleLookup, corporaLoader, readCandidateTexts, usableCorpora } from './loaded-corpora.js';
import type { ReaderCorpusSegment } from './reader-corpus.js';

/** The reader's own corpus as a check engine reads it: its segments, and a way to drop them after a change. */
export interface ReaderSegmentsSource {
  segments(): Promise<readonly ReaderCorpusSegment[]>;
  forget?(): void;
}

export function localCheckEngine(deps: LocalEngineDeps, reader?: ReaderSegmentsSource): CheckEngine {
  const { engine } = deps;
  const loader = corporaLoader(deps, reader ? () => reader.segments() : undefined);
  const now = (): number => performance.timeOrigin + performance.now();

  return {
    warm() {
      loader.load().catch(() => undefined);
    },

    async corpora() {
      return (await loader.load()).entries.map(({ entry, unreadable }) => (unreadable === undefined ? { entry } : { entry, unreadable }));
    },

    async forgetImported() {
      loader.forgetImported();
      reader?.forget?.();
    },

    async analyze(request: AnalyzeRequest): Promise<AnalyzeAnswer> {
      const timings = { corpora: 0, texts: 0, attribute: 0, other: 0 };
      let lapStart = now();
      const lap = (): number => {
        const at = now();
        const ms = at - lapStart;
        lapStart = at;
        return ms;
      };
      const loaded = await loader.load();
      timings.corpora = lap();
      const corpora = loaded.entries.map((e) => e.entry.id).join(' ');
      if (request.unchangedSince === corpora) return { corpora, analysis: null, timings };

      const { article } = request;
      // Headline first, exactly as the CLI checks a page (see extract/page-text.ts)
      const checked = { ...article, text: pageText(article) };
      // Identity is where the reader is: the tab's address. The page's canonical link is what the page says
      // of itself — on its own site another form of its address, at another site the article it republishes.
      const page = {
        text: checked.text, published: article.published, url: request.url, canonical: article.url,
        basedOn: article.basedOn ?? [], links: article.links ?? [], byline: article.byline, siteName: article.siteName,
      };
      timings.other += lap();
      await readCandidateTexts(engine, page, loaded);
      timings.texts = lap();
      const usable = usableCorpora(loaded);
      const verdict = engine.attribute(page, usable.map((e) => e.corpus), {
        lexicon: loaded.lexicon,
        // a damaged article is left out, not the check: the other articles and corpora still answer
        onDamagedArticle: (corpus, doc, reason) => {
          const damaged = usable.find((e) => e.corpus === corpus);
          if (damaged) markDamagedArticle(damaged, doc, reason);
        },
      });
      timings.attribute = lap();
      const analysis = buildAnalysis(verdict, {
        article: checked,
        url: request.url,
        corpusArticles: loaded.entries.reduce((sum, e) => sum + e.entry.articles, 0),
        elapsedMs: Math.round(now() - request.startedAt),
        lookup: articleLookup(loaded),
      });
      timings.other += lap();
      return { corpora, analysis, timings };
    },
  };
}
