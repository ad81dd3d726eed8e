/**
 * Chrome: the check's engine side in an offscreen document, which Chrome keeps open while the
 * service worker sleeps. The document runs it in a dedicated worker (engine-worker.ts), off the
 * thread that also paints the popup, with the lexicon and corpora loaded and the engine compiled
 * since the previous check, so a click that wakes a stopped service worker wakes only the small
 * part that reads the page and forwards it. The document is created on first use (after a
 * browser start or an update); if it cannot be, checks run in the worker as before.
 */
import type { AnalyzeAnswer, AnalyzeRequest, CheckEngine, CheckedCorpus } from './check-engine.js';

/** The page that hosts the engine worker. */
export const OFFSCREEN_PAGE = 'offscreen.html';

/** A request to the offscreen document; `firsthandEngine` marks it among the runtime's other messages. */
export interface EngineMessage {
  firsthandEngine: 1;
  name: 'warm' | 'corpora' | 'forgetImported' | 'analyze';
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

export function offscreenCheckEngine(browser: OffscreenBrowser, fallback: () => CheckEngine): CheckEngine {
  /** Settles once the document is there; `false` when it could not be made (checks then run here). */
  let ready: Promise<boolean> | null = null;
  let local: CheckEngine | null = null;

  const open = async (): Promise<boolean> => {
    try {
      if (await browser.offscreen.hasDocument()) return true;
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['WORKERS'],
        justification: 'Keeps the article index loaded in a worker, so a check answers without reloading it.',
      });
      return true;
    } catch (error) {
      // Another call created it in the meantime: Chrome allows one document per extension.
      if (error instanceof Error && /single offscreen document/i.test(error.message)) return true;
      return false;
    }
  };

  async function call(name: EngineMessage['name'], ...args: unknown[]): Promise<unknown> {
    ready ??= open();
    if (!(await ready)) {
      local ??= fallback();
      return (local[name] as (...a: unknown[]) => unknown)(...args);
    }
    const reply = (await browser.sendMessage({ firsthandEngine: 1, name, args })) as EngineReply | undefined;
    if (reply === undefined || reply === null) {
      // The document went away (closed by the browser, crashed): make it again next time.
      ready = null;
      throw new Error('The checking engine did not answer; try again.');
    }
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
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
