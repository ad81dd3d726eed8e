/** Marking the checked passages in the page, and taking the marks away. */
import type { Analysis } from '../analysis.js';
import type { ContentApi, HighlightMark } from '../content-api.js';
import type { Handlers } from '../messages.js';
import type { HandlerDeps } from './deps.js';
import { callContent, injectContent } from './page-scripting.js';
import type { TabAnalyses } from './tab-analyses.js';

export function createHighlightHandlers(deps: Pick<HandlerDeps, 'api'>, analyses: TabAnalyses): Pick<Handlers, 'highlight'> {
  const { api } = deps;
  return {
    async highlight(tabId: number, on: boolean): Promise<{ marks: number }> {
      await injectContent(api, tabId); // idempotent; the page may have been reloaded since the check
      if (!on) {
        await callContent(api, tabId, (global: string) => (globalThis as unknown as Record<string, ContentApi>)[global]!.clearHighlights());
        return { marks: 0 };
      }
      const entry = await analyses.get(tabId);
      if (entry === null) throw new Error('Check the page first.');
      const marks = highlightMarks(entry.analysis);
      const placed = await callContent(
        api,
        tabId,
        (global: string, wanted: never) => (globalThis as unknown as Record<string, ContentApi>)[global]!.highlight(wanted as HighlightMark[]),
        [marks],
      );
      return { marks: placed };
    },
  };
}

/** One mark per distinct page stretch across all sources, in page order. */
export function highlightMarks(analysis: Analysis): HighlightMark[] {
  const seen = new Set<string>();
  const marks: { start: number; mark: HighlightMark }[] = [];
  for (const source of analysis.sources) {
    for (const passage of source.passages) {
      const key = `${passage.page[0]}:${passage.page[1]}`;
      if (seen.has(key) || passage.pageText.trim() === '') continue;
      seen.add(key);
      marks.push({ start: passage.page[0], mark: { text: passage.pageText, kind: passage.kind } });
    }
  }
  return marks.sort((a, b) => a.start - b.start).map((m) => m.mark);
}
