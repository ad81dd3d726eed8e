/**
 * The reader's own corpus as the pages see it: following sources, "Remember what I read" (off
 * until the reader turns it on), "Add this page", and undoing each.
 */
import type { ExtractedArticle } from '../../extract/types.js';
import { pageText } from '../../extract/page-text.js';
import type { ContentApi, PageExtraction } from '../content-api.js';
import type { Handlers, PageKept, ReaderCorpusView } from '../messages.js';
import type { HandlerDeps } from './deps.js';
import type { FollowedSources } from './followed-sources.js';
import { callContent, injectContent } from './page-scripting.js';
import type { NewReaderArticle, ReaderCorpus } from './reader-corpus.js';

const REMEMBER_KEY = 'rememberReading';

export type ReaderHandlers = Pick<
  Handlers,
  | 'listFollowedSources' | 'followSource' | 'unfollowSource' | 'followNow' | 'getReaderCorpus' | 'setRememberReading'
  | 'clearReaderArticles' | 'keepPage' | 'forgetKeptPage' | 'setReaderRetention'
>;

/** An extracted article as the reader's corpus keeps it: text, title, outlet, time, address, nothing else. */
export function readerArticleOf(url: string, article: ExtractedArticle, origin: NewReaderArticle['origin']): NewReaderArticle {
  return {
    url, title: article.title, outlet: article.siteName ?? hostOf(url), published: article.published, text: pageText(article), origin,
  };
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
};

export async function remembersReading(settings: HandlerDeps['settings']): Promise<boolean> {
  return (await settings.get(REMEMBER_KEY))[REMEMBER_KEY] === true;
}

/**
 * After a check with "Remember what I read" on: the checked article joins the reader's corpus.
 * Never before the verdict (the page is not compared with itself) and never when the setting is off.
 */
export function rememberChecked(deps: Pick<HandlerDeps, 'settings'>, corpus: ReaderCorpus) {
  return async (url: string, article: ExtractedArticle): Promise<void> => {
    if (!(await remembersReading(deps.settings))) return;
    await corpus.add([readerArticleOf(url, article, 'read')]);
  };
}

export function createReaderHandlers(deps: Pick<HandlerDeps, 'api' | 'settings'>, corpus: ReaderCorpus, sources: FollowedSources): ReaderHandlers {
  const view = async (): Promise<ReaderCorpusView> => ({ ...(await corpus.summary()), rememberReading: await remembersReading(deps.settings) });
  return {
    listFollowedSources: () => sources.list(),
    followSource: (address) => sources.follow(address),
    unfollowSource: (address) => sources.unfollow(address),
    followNow: () => sources.run(),
    getReaderCorpus: view,
    async setRememberReading(on) {
      await deps.settings.set({ [REMEMBER_KEY]: on === true });
      return view();
    },
    async setReaderRetention(retention) {
      await corpus.setRetention(retention);
      return view();
    },
    // An argument left out arrives as null: Chrome serialises messages as JSON.
    clearReaderArticles: (origins) => corpus.clear(origins ?? undefined),
    async keepPage(tabId): Promise<PageKept> {
      await injectContent(deps.api, tabId);
      const extraction = await callContent<PageExtraction>(deps.api, tabId, (global: string) =>
        (globalThis as unknown as Record<string, ContentApi>)[global]!.extract(),
      );
      if ('error' in extraction) throw new Error(extraction.error.message || 'No article found on this page.');
      const outcome = await corpus.add([readerArticleOf(extraction.url, extraction.article, 'added')]);
      return { id: outcome.ids[0] ?? null, outcome: outcome.outcomes[0] ?? 'unchanged', title: extraction.article.title };
    },
    forgetKeptPage: (id) => corpus.remove([id]),
  };
}
