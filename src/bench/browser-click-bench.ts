/**
 * In-browser speed benchmark (not a test): toolbar click → verdict in the popup, in
 * Debian's Chromium with dist/chrome loaded, on a 1,500-word news page, first with the
 * bundled corpus and then with a 10,000-article corpus imported through the options page.
 * Goal: p50 ≤ 150 ms.
 *
 *   npx tsx src/bench/browser-click-bench.ts [--runs 30] [--corpus 10000] [--json out.json] [--pinned]
 *
 * By default the toolbar buttons are as after an install, not pinned: Chrome pops the button out
 * into the toolbar and opens the popup after that animation. `--pinned` pins both extensions first.
 *
 * Each timed click is on a fresh address (`?run=N`), so it is never answered from the
 * per-tab+URL verdict cache: the number covers injecting the content script, extracting
 * the article, attributing it and rendering the verdict. The clock starts in Node right
 * before CDP `Extensions.triggerAction` (a real click) and stops when the verdict is on
 * screen: the popup's `firsthand:settled-painted` mark, set once the frame that rendered it
 * has been painted. The passages follow one frame later (`firsthand:evidence-painted`),
 * reported as "passages p50". Both clocks are epoch-based (performance.timeOrigin + now()) on the same
 * machine. Another extension page watches the popup (polling every few ms) to collect the
 * marks; the moment it sees `#app[data-state]` leave `loading` is reported too, as
 * "watcher p50": the measure used before the popup had marks (it adds the poll's delay).
 *
 * The 10,000-article corpus is generated and built with the engine's builder (kept in the
 * temp folder between runs), imported through the options page like a user would, and the
 * verdict checked: still a copy of the seed, and the generated article whose paragraphs the
 * page lifts is named among the sources.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS_FORMAT_VERSION, DEFAULT_INDEX_PARAMS, HASH_VERSION, buildCorpusIndex } from '../engine/index.js';
import type { Analysis } from '../extension/analysis.js';
import { ChromiumSession } from '../../test/e2e/support/chromium.js';
import { startFixtureServer } from '../../test/e2e/support/fixture-server.js';
import { chromiumGate, requireBuild, requireExecutable } from '../../test/e2e/support/gate.js';
import { CHROME_EXT_DIR, DIST as DIST_DIR } from '../../test/e2e/support/paths.js';
import { pollFor } from '../../test/e2e/support/poll.js';
import { seedText } from '../../test/e2e/support/seeds.js';
import { measureBrowserFloor, type FloorRow } from './browser-floor.js';
import { NewsGenerator, countWords, renderParagraph } from './news-generator.js';
import { timedClick } from './popup-watch.js';
import { median as medianOf, quantile } from './stats.js';
import { loadVocabulary } from './vocabulary.js';

const GOAL_P50_MS = 150;
/** Issue 19: on a stopped worker, the verdict painted at most this long after a static popup on the same click (p50). */
const COLD_GOAL_AFTER_FLOOR_MS = 150;
/** How often the watcher looks at the popup; it shares the popup's renderer, so not too often. */
const POLL_MS = Number(process.env.CLICK_BENCH_POLL_MS ?? 4);
const PAGE_WORDS = 1500;
const GENERATOR_SEED = 0x00f1_257a;

interface Options {
  runs: number;
  /** Clicks that each wake a stopped service worker (the reader's usual click: Chrome stops an idle worker after 30 s). */
  coldRuns: number;
  warmup: number;
  corpusSize: number;
  jsonOut: string | null;
  /** Both extensions' buttons pinned to the toolbar, so no popup waits for the button to be popped out. */
  pinned: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 30, coldRuns: 15, warmup: 3, corpusSize: 10_000, jsonOut: null, pinned: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--pinned') options.pinned = true;
    else if (flag === '--runs' && value) (options.runs = Number(value)), i++;
    else if (flag === '--warmup' && value) (options.warmup = Number(value)), i++;
    else if (flag === '--cold-runs' && value) (options.coldRuns = Number(value)), i++;
    else if (flag === '--corpus' && value) (options.corpusSize = Number(value)), i++;
    else if (flag === '--json' && value) (options.jsonOut = value), i++;
    else throw new Error(`unknown argument ${flag}; usage: browser-click-bench [--runs N] [--cold-runs N] [--warmup N] [--corpus N] [--json FILE] [--pinned]`);
  }
  if (!(options.runs > 0 && options.corpusSize > 0 && options.warmup >= 0 && options.coldRuns >= 0)) throw new Error('--runs and --corpus must be positive');
  return options;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page: the spun copy of seed 000 (paraphrase alignment, the expensive case), then three
 * paragraphs lifted from one article of the generated corpus and fresh text, to 1,500 words.
 * The same page is used with both corpora, so the two rows differ only in the corpus.
 */
function benchPage(generator: NewsGenerator, corpusSize: number): { html: string; words: number } {
  const spun = seedText('001')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\[ad_\d\]$|^(World News|Source link|Related Articles|Back to top button)$/.test(line));
  const [title, ...body] = spun;
  const lifted = generator.corpusDraft(Math.floor(corpusSize / 3)).paragraphs.slice(2, 5).map(renderParagraph);
  const paragraphs = [...body, ...lifted];
  let words = countWords([title, ...paragraphs].join(' '));
  const fresh = generator.freshDraft(7, { min: Math.max(60, PAGE_WORDS - words), max: Math.max(60, PAGE_WORDS - words) + 60 });
  for (const paragraph of fresh.paragraphs.map(renderParagraph)) {
    if (words >= PAGE_WORDS) break;
    paragraphs.push(paragraph);
    words += countWords(paragraph);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')} – Daily Wire Digest</title></head>
<body><header><nav><a href="#">World</a> <a href="#">Politics</a> <a href="#">Business</a></nav></header>
<main><article><h1>${escapeHtml(title ?? '')}</h1><p class="byline">Staff and agencies</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer>© Daily Wire Digest · Privacy · Terms</footer></body></html>`;
  return { html, words };
}

/**
 * The generated corpus file, built with the engine's builder. Building 10,000 articles takes
 * ~40 s, so the file is kept in the temp folder under a name that changes with the generator
 * seed, the corpus format, the hash and the index parameters (any of which makes it stale).
 */
function generatedCorpus(generator: NewsGenerator, size: number): string {
  const key = createHash('sha256')
    .update(JSON.stringify([GENERATOR_SEED, size, CORPUS_FORMAT_VERSION, HASH_VERSION, DEFAULT_INDEX_PARAMS]))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(os.tmpdir(), `firsthand-click-bench-${size}-${key}.fhc`);
  if (existsSync(file)) {
    console.error(`  reusing the ${size}-article corpus ${file}`);
    return file;
  }
  const started = performance.now();
  const bytes = buildCorpusIndex(generator.corpus(size));
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
  console.error(`  built a ${size}-article corpus: ${(bytes.length / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

/**
 * Where one click's time went, milliseconds, in order along the way (medians in a Row).
 * The popup's stretches come from its `firsthand:*` performance marks, the background's
 * from Analysis.timings (whose start is epoch-based too). In Chrome the check starts at the
 * click (action.onClicked), in parallel with the popup opening, so the stages overlap.
 */
const STAGES = [
  ['open', 'click → popup document starts (the browser)'],
  ['boot', 'popup document → popup-start.js running'],
  ['tab', 'popup-start.js → request sent (tab look-up)'],
  ['start', 'click → background check starts'],
  ['inject', 'background: inject content-extract.js, less the reading (one call)'],
  ['extract', 'background: the reading in that call, as the page timed it'],
  ['corpora', 'background: wait for corpora'],
  ['texts', "background: read the candidates' texts (imported corpora, IndexedDB)"],
  ['attribute', 'background: engine'],
  ['other', 'background: hash, cache, popup data, messages to the offscreen document'],
  ['transit', 'check done (or asked, if later) → popup has the answer'],
  ['render', 'answer → verdict rendered'],
  ['paint', 'rendered → painted'],
  ['evidence', 'verdict painted → passages painted'],
] as const;
type Stage = (typeof STAGES)[number][0];
type Breakdown = Record<Stage, number>;

interface Row {
  corpus: string;
  articles: number;
  firstClickMs: number;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  /** Median click → the watcher saw the verdict. */
  watcherP50: number;
  /** Median click → the passages on screen too. */
  passagesP50: number;
  /** Timed clicks whose check started at the click rather than at the popup's request. */
  earlyChecks: number;
  /** Median click → the background has the verdict and sets the badge. */
  doneP50: number;
  /** The extension's own extraction + attribution time (Analysis.elapsedMs), median. */
  engineP50: number;
  /** Click → the popup document's navigation start, median. */
  popupOpenP50: number;
  /** Median of each stage. */
  stages: Breakdown;
  /** CPU time all the browser's processes used per click, median (NaN off Linux). */
  cpuP50: number;
  /** The same clicks, each on a stopped service worker; null with --cold-runs 0. */
  cold: ColdRow | null;
  status: string;
  likelyOriginal: string | null;
  /** For `same-text`: the article whose text the page has. */
  sameText: string | null;
  sources: string[];
}

/** Clicks that each woke a stopped service worker: medians unless said. */
interface ColdRow {
  runs: number;
  p50: number;
  p95: number;
  /** Click → the popup document starts. */
  popupOpenP50: number;
  /** Click → the fresh worker starts the check (its start-up and the click's dispatch). */
  startP50: number;
  /** The fresh worker's wait for the lexicon and corpora (read, decoded) once the page was read. */
  corporaP50: number;
  /** Reading the candidates' texts of imported corpora from IndexedDB. */
  textsP50: number;
  /** Its engine run: the first in a fresh JavaScript heap, so nothing is compiled yet. */
  attributeP50: number;
  /** Click → the verdict in the background (badge). */
  doneP50: number;
  /** CPU time all the browser's processes used per click, median. */
  cpuP50: number;
  /** Median of each stage, as for the running worker's clicks. */
  stages: Breakdown;
}

/** What one click gave. */
interface Click {
  /** Click → verdict on screen. */
  ms: number;
  /** Click → the watcher saw the verdict (the measure before the popup had marks). */
  watcherMs: number;
  /** Click → the passages on screen too. */
  passagesMs: number;
  /** Whether the check the popup got was started by the click (before the popup asked). */
  early: boolean;
  /** Click → the background has the verdict (and sets the badge). */
  doneMs: number;
  openMs: number;
  engineMs: number;
  /** CPU time all the browser's processes used from the click to the passages painted. */
  cpuMs: number;
  stages: Breakdown;
  status: string;
  likelyOriginal: string | null;
  sameText: string | null;
  sources: string[];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const gate = chromiumGate();
  if (gate.skip) {
    console.error('browser-click-bench: no Chromium installed; nothing to measure.');
    process.exitCode = 1;
    return;
  }
  const executablePath = requireExecutable(gate);
  const extensionDir = requireBuild(CHROME_EXT_DIR, 'The Chrome build');

  const generator = new NewsGenerator(loadVocabulary(), GENERATOR_SEED);
  const page = benchPage(generator, options.corpusSize);
  const server = await startFixtureServer({ '/bench/page.html': { body: page.html } });
  const chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium\s*/i, '');
  const session = await ChromiumSession.launch({ executablePath, extensionDir });
  const rows: Row[] = [];
  try {
    if (options.pinned) await session.pinToToolbar();
    const observer = await session.observer();
    const tab = await session.openTab(`${server.origin}/bench/page.html?run=open`);
    let run = 0;

    /** One real click on a fresh address; returns click→verdict ms, where it went and the verdict. */
    const click = async (coldWorker = false): Promise<Click> => {
      const { start, watch: settled, cpuMs } = await timedClick(session, tab, observer, `${server.origin}/bench/page.html?run=${run++}`, POLL_MS, coldWorker);
      const analysis = (await observer.evaluate(
        `chrome.runtime.sendMessage({ firsthand: 1, name: 'getCachedAnalysis', args: [${tab.tabId}] }).then((r) => r && r.ok ? r.value : null)`,
      )) as Analysis | null;
      const t = analysis?.timings;
      const m = settled.marks;
      const gap = (from: number | undefined, to: number | undefined): number =>
        from === undefined || to === undefined ? Number.NaN : to - from;
      const engineMs = analysis?.elapsedMs ?? Number.NaN;
      const stages: Breakdown = {
        open: settled.opened - start,
        boot: gap(settled.opened, m.script),
        tab: gap(m.script, m.ask),
        start: t === undefined ? Number.NaN : t.startedAt - start,
        inject: t?.inject ?? Number.NaN,
        extract: t?.extract ?? Number.NaN,
        corpora: t?.corpora ?? Number.NaN,
        texts: t?.texts ?? Number.NaN,
        attribute: t?.attribute ?? Number.NaN,
        other: t?.other ?? Number.NaN,
        transit: t === undefined || m.ask === undefined ? Number.NaN : gap(Math.max(m.ask, t.startedAt + engineMs), m.answer),
        render: gap(m.answer, m.settled),
        paint: gap(m.settled, m['settled-painted']),
        evidence: gap(m['settled-painted'], m['evidence-painted']),
      };
      return {
        ms: (m['settled-painted'] ?? settled.at) - start,
        passagesMs: gap(start, m['evidence-painted']),
        early: t !== undefined && m.ask !== undefined && t.startedAt < m.ask,
        doneMs: t === undefined ? Number.NaN : t.startedAt + engineMs - start,
        watcherMs: settled.at - start,
        openMs: settled.opened - start,
        engineMs,
        cpuMs,
        stages,
        status: settled.status,
        likelyOriginal: analysis?.likelyOriginal?.id ?? null,
        sameText: analysis?.sameText?.id ?? null,
        sources: analysis?.sources.map((source) => source.id) ?? [],
      };
    };

    const measure = async (corpus: string, articles: number): Promise<Row> => {
      const first = await click();
      for (let i = 0; i < options.warmup; i++) await click();
      const clicks: Click[] = [];
      for (let i = 0; i < options.runs; i++) clicks.push(await click());
      const times = clicks.map((c) => c.ms).sort((a, b) => a - b);
      const median = (values: number[]): number => medianOf(values.filter((v) => !Number.isNaN(v)));
      const coldClicks: Click[] = [];
      for (let i = 0; i < options.coldRuns; i++) coldClicks.push(await click(true));
      const wrong = coldClicks.find((c) => c.status !== first.status || c.likelyOriginal !== first.likelyOriginal || c.sameText !== first.sameText);
      if (wrong) throw new Error(`a click on a fresh worker said ${wrong.status} (${wrong.likelyOriginal}), a running one ${first.status} (${first.likelyOriginal})`);
      const coldTimes = coldClicks.map((c) => c.ms).sort((a, b) => a - b);
      const cold: ColdRow | null = coldClicks.length === 0 ? null : {
        runs: coldClicks.length,
        p50: quantile(coldTimes, 0.5),
        p95: quantile(coldTimes, 0.95),
        popupOpenP50: median(coldClicks.map((c) => c.openMs)),
        startP50: median(coldClicks.map((c) => c.stages.start)),
        corporaP50: median(coldClicks.map((c) => c.stages.corpora)),
        textsP50: median(coldClicks.map((c) => c.stages.texts)),
        attributeP50: median(coldClicks.map((c) => c.stages.attribute)),
        doneP50: median(coldClicks.map((c) => c.doneMs)),
        cpuP50: median(coldClicks.map((c) => c.cpuMs)),
        stages: Object.fromEntries(STAGES.map(([stage]) => [stage, median(coldClicks.map((c) => c.stages[stage]))])) as Breakdown,
      };
      const stages = Object.fromEntries(STAGES.map(([stage]) => [stage, median(clicks.map((c) => c.stages[stage]))])) as Breakdown;
      const row: Row = {
        corpus, articles, firstClickMs: first.ms, runs: times.length,
        p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1]!,
        watcherP50: median(clicks.map((c) => c.watcherMs)),
        passagesP50: median(clicks.map((c) => c.passagesMs)),
        earlyChecks: clicks.filter((c) => c.early).length,
        doneP50: median(clicks.map((c) => c.doneMs)),
        engineP50: median(clicks.map((c) => c.engineMs)), popupOpenP50: median(clicks.map((c) => c.openMs)), stages, cold,
        cpuP50: median(clicks.map((c) => c.cpuMs)),
        status: first.status, likelyOriginal: first.likelyOriginal, sameText: first.sameText, sources: first.sources,
      };
      rows.push(row);
      console.error(
        `  ${corpus}: first ${row.firstClickMs.toFixed(0)} ms, p50 ${row.p50.toFixed(0)} ms (watcher ${row.watcherP50.toFixed(0)}, passages ${row.passagesP50.toFixed(0)}), p95 ${row.p95.toFixed(0)} ms, popup opens at ${row.popupOpenP50.toFixed(0)} ms, engine p50 ${row.engineP50.toFixed(0)} ms, ${row.earlyChecks}/${row.runs} checks started at the click (verdict: ${row.status}, likely original ${row.likelyOriginal})` +
          (cold ? `; fresh worker: p50 ${cold.p50.toFixed(0)} ms, popup opens at ${cold.popupOpenP50.toFixed(0)} ms, check starts at ${cold.startP50.toFixed(0)} ms, corpora ${cold.corporaP50.toFixed(0)} ms, texts ${cold.textsP50.toFixed(0)} ms, engine ${cold.attributeP50.toFixed(0)} ms, badge ${cold.doneP50.toFixed(0)} ms, CPU ${cold.cpuP50.toFixed(0)} ms` : ''),
      );
      return row;
    };

    /**
     * The page holds a seed's text (in the bundled corpus) and paragraphs of one generated article: the
     * verdict must be a copy of the seed, and with the big corpus imported, also name the generated article.
     */
    const checkVerdict = (row: Row, lifted: string | null): void => {
      const problems: string[] = [];
      // The page is undated and carries seed 001's text whole: the engine may call it that seed's text, order unknown.
      const named = row.status === 'same-text' ? row.sameText : row.likelyOriginal;
      if (row.status !== 'copy' && row.status !== 'partial' && row.status !== 'same-text') problems.push(`verdict ${row.status}, expected copy, partial or same-text`);
      if (!/^00[01]_/.test(named ?? '')) problems.push(`${row.status === 'same-text' ? 'same text as' : 'likely original'} ${named}, expected seed 000 or 001`);
      if (lifted !== null && !row.sources.includes(lifted)) problems.push(`${lifted} (the lifted paragraphs) not among the sources ${JSON.stringify(row.sources)}`);
      if (problems.length > 0) throw new Error(`wrong verdict with ${row.corpus}: ${problems.join('; ')}`);
    };

    checkVerdict(await measure('bundled seeds', 5), null);

    // A newsroom-sized corpus: generated, built with the engine's builder, imported like a user would.
    const corpusFile = generatedCorpus(generator, options.corpusSize);
    const importStart = performance.now();
    const rowsBefore = await observer.locator('[data-testid=corpus]').count();
    await observer.locator('[data-testid=corpus-import]').setInputFiles(corpusFile);
    const imported = await pollFor(async () => {
      if ((await observer.locator('[data-testid=corpus]').count()) > rowsBefore) return 'ok';
      // The options page says why an import failed; stop waiting then.
      const note = (await observer.locator('[data-testid=corpus-note]').textContent()) ?? '';
      return note !== '' && !note.startsWith('Importing') && !note.startsWith('Imported') ? note : undefined;
    }, { what: `the ${options.corpusSize}-article corpus to be imported`, timeoutMs: 300_000, intervalMs: 200 });
    if (imported !== 'ok') throw new Error(`importing the ${options.corpusSize}-article corpus failed: ${imported}`);
    console.error(`  imported in ${((performance.now() - importStart) / 1000).toFixed(1)} s`);
    const liftedId = generator.corpusArticle(Math.floor(options.corpusSize / 3)).id;
    checkVerdict(await measure(`bundled + ${options.corpusSize.toLocaleString('en')} imported`, 5 + options.corpusSize), liftedId);
  } finally {
    await session.close();
  }
  // The same clicks on a minimal extension whose popup is a static page: the browser's own share.
  let floor: FloorRow;
  try {
    floor = await measureBrowserFloor(executablePath, `${server.origin}/bench/page.html`, { runs: options.runs, coldRuns: options.coldRuns, warmup: options.warmup, pollMs: POLL_MS, pinned: options.pinned });
    console.error(
      `  bare extension (static popup): p50 ${floor.p50.toFixed(0)} ms, popup opens at ${floor.openP50.toFixed(0)} ms` +
        (floor.cold ? `; fresh worker: p50 ${floor.cold.p50.toFixed(0)} ms, popup opens at ${floor.cold.openP50.toFixed(0)} ms, CPU ${floor.cold.cpuP50.toFixed(0)} ms` : ''),
    );
  } finally {
    await server.close();
  }

  const report: string[] = [];
  if (options.pinned) report.push('\nBoth extensions pinned to the toolbar (--pinned).');
  report.push(`\nLoad average before / after: ${loadBefore} / ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
  report.push(`\nClick → verdict in Chromium (${page.words}-word page; goal p50 ≤ ${GOAL_P50_MS} ms)\n`);
  report.push('| corpus | articles | first click ms | p50 ms | p95 ms | max ms | watcher p50 ms | passages p50 ms | verdict in background (badge) p50 ms | popup opened p50 ms | engine p50 ms | browser CPU p50 ms | verdict |');
  report.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    report.push(`| ${r.corpus} | ${r.articles} | ${r.firstClickMs.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${r.watcherP50.toFixed(0)} | ${r.passagesP50.toFixed(0)} | ${r.doneP50.toFixed(0)} | ${r.popupOpenP50.toFixed(0)} | ${r.engineP50.toFixed(0)} | ${r.cpuP50.toFixed(0)} | ${r.status} |`);
  }
  report.push(`| *the browser's floor: a bare extension whose popup is a static page of the same size* | – | – | ${floor.p50.toFixed(0)} | ${floor.p95.toFixed(0)} | – | – | – | – | ${floor.openP50.toFixed(0)} | – | ${floor.cpuP50.toFixed(0)} | – |`);
  report.push(`\nWhere the time goes (medians, ms; "stopped" = the clicks on a stopped service worker below)\n`);
  const columns = rows.flatMap((r) => [{ name: r.corpus, stages: r.stages }, ...(r.cold ? [{ name: `${r.corpus}, stopped`, stages: r.cold.stages }] : [])]);
  report.push(`| stage | ${columns.map((c) => c.name).join(' | ')} |`);
  report.push(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [stage, label] of STAGES) {
    report.push(`| ${label} | ${columns.map((c) => c.stages[stage].toFixed(1)).join(' | ')} |`);
  }
  const coldRows = rows.filter((r) => r.cold !== null);
  if (coldRows.length > 0) {
    report.push(`\nOn a stopped service worker: Chrome stops an extension's idle worker after 30 s, so a reader who spent a minute on a page wakes a fresh one with the click. Each of these clicks stopped the worker first (CDP \`ServiceWorker.stopAllWorkers\`), so the click waits for a fresh worker to start before the popup opens and the check begins. The engine side of the check (lexicon, corpora, compiled engine) stays in Chrome's offscreen document, which the worker's stop leaves running (src/extension/background/offscreen-check-engine.ts). Same page, same verdict.\n`);
    report.push("| corpus | clicks | p50 ms | p95 ms | popup opened p50 ms | check starts p50 ms | wait for lexicon + corpora p50 ms | candidates' texts p50 ms | engine p50 ms | verdict in background (badge) p50 ms | browser CPU p50 ms | after the floor (p50) ms |");
    report.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    const afterFloor = (p50: number): string => (floor.cold ? (p50 - floor.cold.p50).toFixed(0) : '–');
    for (const r of coldRows) {
      const c = r.cold!;
      report.push(`| ${r.corpus} | ${c.runs} | ${c.p50.toFixed(0)} | ${c.p95.toFixed(0)} | ${c.popupOpenP50.toFixed(0)} | ${c.startP50.toFixed(0)} | ${c.corporaP50.toFixed(0)} | ${c.textsP50.toFixed(0)} | ${c.attributeP50.toFixed(0)} | ${c.doneP50.toFixed(0)} | ${c.cpuP50.toFixed(0)} | ${afterFloor(c.p50)} |`);
    }
    if (floor.cold) report.push(`| *the browser's floor: the bare extension, its (empty) worker stopped* | ${floor.cold.runs} | ${floor.cold.p50.toFixed(0)} | ${floor.cold.p95.toFixed(0)} | ${floor.cold.openP50.toFixed(0)} | – | – | – | – | – | ${floor.cold.cpuP50.toFixed(0)} | 0 |`);
    if (floor.cold) {
      const worstCold = Math.max(...coldRows.map((r) => r.cold!.p50));
      const gapCold = worstCold - floor.cold.p50;
      report.push(`\n${gapCold <= COLD_GOAL_AFTER_FLOOR_MS ? 'MET' : 'MISSED'} (stopped worker): the slowest corpus's verdict painted ${gapCold.toFixed(0)} ms after the bare extension's static popup on the same click (p50 ${worstCold.toFixed(0)} against ${floor.cold.p50.toFixed(0)} ms; goal: at most ${COLD_GOAL_AFTER_FLOOR_MS} ms after).`);
    }
  }
  const worst = Math.max(...rows.map((r) => r.p50));
  report.push(`\n${worst <= GOAL_P50_MS ? 'MET' : 'MISSED'}: worst p50 ${worst.toFixed(0)} ms against the ${GOAL_P50_MS} ms goal.`);
  const badge = Math.max(...rows.map((r) => r.doneP50));
  const gap = worst - floor.p50;
  // the floor is measured in runs of its own, so a verdict can land a few ms either side of it
  const beside = `${Math.abs(gap).toFixed(0)} ms ${gap >= 0 ? 'after' : 'before'} a static popup's text (each measured in its own runs)`;
  report.push(
    `The same clicks on a bare extension, whose popup (400 × 320 px, as Firsthand's) only shows a line of static text, take ${floor.p50.toFixed(0)} ms (p50 of ${floor.runs}; its popup document starts at ${floor.openP50.toFixed(0)} ms and its script runs at ${floor.scriptP50.toFixed(0)} ms): ` +
      `${floor.p50 > GOAL_P50_MS ? `on this machine the browser alone is over the goal, and ` : ''}Firsthand's verdict is on screen ${beside}. ` +
      `The check runs beside the popup's opening, started by the click, and is done with the badge set at p50 ${badge.toFixed(0)} ms.`,
  );
  console.log(report.join('\n'));
  // The README's browser table comes from this file (npm run readme:tables).
  mkdirSync(path.join(DIST_DIR, 'bench'), { recursive: true });
  writeFileSync(path.join(DIST_DIR, 'bench', 'browser-click.md'), [
    `### Click → verdict in the browser`,
    '',
    `Debian Chromium ${chromiumVersion}, headless, dist/chrome loaded; ${new Date().toISOString().slice(0, 10)}. Reproduce with \`npm run build && npm run bench:browser\`. ` +
      'p50 = toolbar click (CDP `Extensions.triggerAction`) → the popup has painted the verdict; "verdict in background (badge)" = the check is done and the badge set, before the popup has painted.',
    ...report,
  ].join('\n'));
  if (options.jsonOut) writeFileSync(options.jsonOut, JSON.stringify({ pageWords: page.words, goalP50Ms: GOAL_P50_MS, rows, floor }, null, 2));
}

await main();
