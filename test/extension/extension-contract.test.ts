/**
 * The contract the extension shares with the end-to-end tests (test/e2e), kept
 * here verbatim so it lives in the repo, and checked against the sources so a
 * rename on either side fails a unit test before it fails a browser run.
 *
 * ---------------------------------------------------------------------------
 * Extension contract shared by the extension-app helper and the e2e helper
 *
 * Build: `bundleExtension()` in src/build/bundle-extension.ts writes dist/chrome/ and dist/firefox/
 * (each loadable unpacked) plus dist/firefox-test/ (= firefox build + host_permissions
 * ["http://127.0.0.1/*"] for BiDi tests only; the shipped manifests never have host permissions),
 * and dist/firefox.zip, dist/chrome.zip (use fflate). Data files are copied in: data/lexicon.bin and
 * data/seeds.fhc from dist/data/ (built earlier in the same build; if absent, fail the build with a
 * clear message).
 * Extension pages: popup.html, options.html, reports.html at the extension root. popup.html accepts
 * `?tabId=N` (tests open it as a tab pointed at a page tab).
 * Gecko id: firsthand@firsthand.example (tests pin the moz-extension uuid via the pref
 * extensions.webextensions.uuids).
 *
 * Popup DOM (Preact, all page text rendered as text, never as HTML):
 * - root `#app` with attribute `data-state` = `loading` | `verdict` | `error`
 * - error: `[data-testid=error]` with `data-code` = `forbidden-page` | `no-article` | `failed` (+ a human message)
 * - verdict: `[data-testid=verdict]` (headline text; attribute `data-status` = copy|partial|original|no-match)
 * - `[data-testid=overlap]` text like `97%` (present for copy/partial), `[data-testid=overlap-bar]`
 * - `[data-testid=likely-original]` (title — outlet, date; a link `a` when a URL is known)
 * - `[data-testid=source]` per source with `data-id`=corpus id and `data-relation`, containing its share text
 * - `[data-testid=passage]` per passage with `data-kind` (verbatim|near-verbatim|paraphrase|quote), holding
 *   `[data-testid=passage-page]` and `[data-testid=passage-source]` texts side by side
 * - `[data-testid=highlight-toggle]` button (aria-pressed true/false): marks matched passages in the page with
 *   `<mark data-firsthand="<kind>">` elements (removed on second press) and scrolls to the first
 * - `[data-testid=report]` button → saves a report; `[data-testid=report-saved]` appears after it is saved
 * - `[data-testid=explanation]` one-sentence explanation of the score
 * Options page: `[data-testid=corpus-import]` (input type=file accepting a .fhc corpus built with
 * `firsthand build-corpus`), `[data-testid=corpus]` rows (with article count text) each with a
 * `[data-testid=corpus-remove]` button; `[data-testid=endpoint]` input + `[data-testid=endpoint-save]`
 * button; link to reports page.
 * Reports page: `[data-testid=report-row]` per report, `[data-testid=report-delete]`,
 * `[data-testid=export-json]`, `[data-testid=export-csv]` (downloads via blob URL + <a download>),
 * `[data-testid=report-status]` per row (saved | sent | pending-retry).
 * Background message handlers (one map): analyzeTab(tabId, url) → Analysis; getCachedAnalysis; saveReport;
 * listReports; deleteReport; importCorpus(bytes); listCorpora; removeCorpus; setEndpoint; retryPendingReports.
 * Imported corpora live in IndexedDB as binary.
 * Badge: overlap % for copy/partial (e.g. "97%"), a distinct mark for original (e.g. "ORIG" or "✓"), nothing
 * for no-match; colour by status.
 * ---------------------------------------------------------------------------
 *
 * Notes on how the implementation meets it: the options page checks a corpus file with the engine
 * and writes its bytes to IndexedDB itself, then calls importCorpus(id) — Chrome refuses messages over
 * 64 MiB, which a 10,000-article corpus passes once base64-encoded; the bundled corpus is listed as a `[data-testid=corpus]` row without a
 * remove button (it cannot be removed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/build/paths.js';

const sources = (dir: string): string =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tsx?|html)$/.test(f))
    .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8'))
    .join('\n');
const ui = sources('popup');
const handlerSource = readFileSync(path.join(ROOT, 'src/extension/messages.ts'), 'utf8');

describe('the extension pages carry every test id of the contract', () => {
  test.each([
    'error', 'verdict', 'overlap', 'overlap-bar', 'likely-original', 'source', 'passage', 'passage-page',
    'passage-source', 'highlight-toggle', 'report', 'report-saved', 'explanation', 'corpus-import', 'corpus',
    'corpus-remove', 'endpoint', 'endpoint-save', 'report-row', 'report-delete', 'export-json', 'export-csv',
    'report-status',
  ])('%s', (id) => {
    // `testid="…"` also catches ids passed down as a prop to the element that renders them.
    expect(ui).toContain(`testid="${id}"`);
  });
});

test.each([
  'analyzeTab', 'getCachedAnalysis', 'saveReport', 'listReports', 'deleteReport', 'importCorpus', 'listCorpora',
  'removeCorpus', 'setEndpoint', 'retryPendingReports',
])('the background handler map declares %s', (name) => {
  expect(handlerSource).toMatch(new RegExp(`^\\s+${name}\\(`, 'm'));
});

test('the gecko id and the pages named by the contract are in the manifest', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  expect(manifest.browser_specific_settings.gecko.id).toBe('firsthand@firsthand.example');
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.options_ui.page).toBe('options.html');
  for (const page of ['popup.html', 'options.html', 'reports.html']) {
    expect(readdirSync(path.join(ROOT, 'popup'))).toContain(page);
  }
});
