/** The background's reach into a tab: the content script, calls into it, and the tab's badge. */
import type { Analysis } from '../analysis.js';
import { badgeFor } from '../badge.js';
import { CONTENT_GLOBAL, type PageExtraction } from '../content-api.js';
import type { ExtensionApi, InjectionResult } from '../extension-api.js';

/** The content script's file in the extension, injected into the clicked tab only. */
export const CONTENT_SCRIPT = 'content.js';
/** content.js's code ending with the page's extraction, which is the script's value (content-extract.ts): a check's one call into the page. */
export const EXTRACTING_CONTENT_SCRIPT = 'content-extract.js';

export async function injectContent(api: ExtensionApi, tabId: number): Promise<void> {
  await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
}

/** Install the content script (or keep the one there) and read the page, in one call into it. */
export async function injectAndExtract(api: ExtensionApi, tabId: number): Promise<PageExtraction> {
  const extraction = answerOf<PageExtraction | null | undefined>(await api.scripting.executeScript({ target: { tabId }, files: [EXTRACTING_CONTENT_SCRIPT] }));
  // Chrome reports a script that threw as one without a value (and without an error); so would a file not ending with the extraction.
  if (extraction === undefined || extraction === null) throw new Error('The page did not answer.');
  return extraction;
}

/** Run one ContentApi method in the page. The function is serialised, so it may only use its arguments. */
export async function callContent<R>(
  api: ExtensionApi, tabId: number, func: (global: string, ...rest: never[]) => R, args: unknown[] = [],
): Promise<R> {
  return answerOf<R>(await api.scripting.executeScript({ target: { tabId }, func, args: [CONTENT_GLOBAL, ...args] }));
}

/** The page's answer to an injection, or what went wrong in it as an Error. */
function answerOf<R>(results: InjectionResult[]): R {
  const [first] = results;
  if (first === undefined) throw new Error('The page did not answer.');
  if (first.error !== undefined && first.error !== null) {
    throw new Error(first.error instanceof Error ? first.error.message : String((first.error as { message?: unknown }).message ?? first.error));
  }
  return first.result as R;
}

export async function setBadge(api: ExtensionApi, tabId: number, analysis: Analysis | null): Promise<void> {
  const badge = analysis === null ? { text: '', color: '#5f6368' } : badgeFor(analysis.status, analysis.overlap);
  try {
    await api.action.setBadgeText({ tabId, text: badge.text });
    await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  } catch {
    // The tab closed meanwhile; there is no badge to set.
  }
}

/** Whether the reader let the extension into file:// pages (Chrome's per-extension switch). */
export async function fileAccess(api: ExtensionApi): Promise<boolean> {
  try {
    return (await api.extension?.isAllowedFileSchemeAccess?.()) ?? false;
  } catch {
    return false;
  }
}
