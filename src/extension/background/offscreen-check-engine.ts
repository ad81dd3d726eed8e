/**
 * Chrome: work the service worker hands to an offscreen document, which Chrome keeps open while
 * the worker sleeps.
 * - Checks: the document runs the engine side of a check in a dedicated worker (engine-worker.ts),
 *   off the thread that also paints the popup, with the lexicon and corpora loaded and the engine
 *   compiled since the previous check; a click that wakes a stopped service worker wakes only the
 *   small part that reads the page and forwards it (background-chrome.ts, which bundles no engine
 *   to check with: if the document cannot be made, its checks fail with the reason).
 * - Following: the document reads feeds and article pages with its DOMParser (the worker has no DOM).
 * The document is created on first use (after a browser start or an update).
 */
import type { PageReader } from '../../follow/page-reader.js';
import type { AnalyzeAnswer, AnalyzeRequest, CheckEngine, CheckedCorpus } from './check-engine.js';

/** The page that hosts the engine worker. */
export const OFFSCREEN_PAGE = 'offscreen.html';

/** Requests the document answers on its own thread, with its DOMParser. */
export const READER_REQUESTS = ['parseFeed', 'feedLinks', 'readArticle'] as const;
/** Requests its engine worker answers. */
export const ENGINE_REQUESTS = ['warm', 'corpora', 'forgetImported', 'analyze'] as const;

/** A request to the offscreen document; `firsthandEngine` marks it among the runtime's other messages. */
export interface EngineMessage {
  firsthandEngine: 1;
  name: (typeof ENGINE_REQUESTS)[number] | (typeof READER_REQUESTS)[number];
  args: unknown[];
}

export type EngineReply = { ok: true; value: unknown } | { ok: false; error: string };

export function isEngineMessage(value: unknown): value is EngineMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<EngineMessage>;
  return m.firsthandEngine === 1 && typeof m.name === 'string' && Array.isArray(m.args);
}

/** What this needs of the browser: chrome.offscreen and runtime.sendMessage. */
export interface OffscreenBrowser {
  offscreen: {
    hasDocument(): Promise<boolean>;
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
  sendMessage(message: EngineMessage): Promise<unknown>;
}

/** Why a check or a followed page cannot be done without the document. */
const NO_DOCUMENT = 'Chrome would not open the document Firsthand checks pages and reads feeds in';

export interface OffscreenDocument {
  /** Whether the document is there (made now if need be); false when Chrome would not make it. */
  available(): Promise<boolean>;
  call(name: EngineMessage['name'], ...args: unknown[]): Promise<unknown>;
}

export function offscreenDocument(browser: OffscreenBrowser): OffscreenDocument {
  let ready: Promise<boolean> | null = null;

  const open = async (): Promise<boolean> => {
    try {
      if (await browser.offscreen.hasDocument()) return true;
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['WORKERS', 'DOM_PARSER'],
        justification: 'Keeps the article index loaded in a worker between checks, and parses the feeds and article pages of followed news sites.',
      });
      return true;
    } catch (error) {
      // Another call created it in the meantime: Chrome allows one document per extension.
      if (error instanceof Error && /single offscreen document/i.test(error.message)) return true;
      return false;
    }
  };

  return {
    available: () => (ready ??= open()),
    async call(name, ...args) {
      const reply = (await browser.sendMessage({ firsthandEngine: 1, name, args })) as EngineReply | undefined;
      if (reply === undefined || reply === null) {
        // The document went away (closed by the browser, crashed): make it again next time.
        ready = null;
        throw new Error('The offscreen document did not answer; try again.');
      }
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
  };
}

/**
 * `fallback`: where checks run when Chrome will not make the document. Chrome's service worker
 * passes none, so that its bundle leaves the engine out (background-chrome.ts): there a check
 * then fails with the reason, as following does.
 */
export function offscreenCheckEngine(document: OffscreenDocument, fallback?: () => CheckEngine): CheckEngine {
  let local: CheckEngine | null = null;
  async function call(name: (typeof ENGINE_REQUESTS)[number], ...args: unknown[]): Promise<unknown> {
    if (await document.available()) return document.call(name, ...args);
    if (fallback === undefined) throw new Error(NO_DOCUMENT);
    local ??= fallback();
    return (local[name] as (...a: unknown[]) => unknown)(...args);
  }
  return {
    warm() {
      call('warm').catch(() => undefined);
    },
    corpora: () => call('corpora') as Promise<CheckedCorpus[]>,
    forgetImported: async () => void (await call('forgetImported')),
    analyze: (request: AnalyzeRequest) => call('analyze', request) as Promise<AnalyzeAnswer>,
  };
}

/** Following's reader in the offscreen document; without one, following reports why it cannot read. */
export function offscreenPageReader(document: OffscreenDocument): PageReader {
  async function call(name: (typeof READER_REQUESTS)[number], ...args: unknown[]): Promise<never> {
    if (!(await document.available())) throw new Error(NO_DOCUMENT);
    return document.call(name, ...args) as Promise<never>;
  }
  return {
    parseFeed: (body) => call('parseFeed', body),
    feedLinks: (html, url) => call('feedLinks', html, url),
    readArticle: (html, url) => call('readArticle', html, url),
  };
}
