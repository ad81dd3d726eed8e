/**
 * Long-page benchmark (not a test): toolbar click → verdict in Chromium on a page past the
 * engine's word limit (about 60,000 words: the spun copy of seed 000 followed by generated
 * fresh text). For each of `--runs` fresh addresses it clicks twice: the first click checks the
 * page; the second, on the same page (not reloaded), is answered from the content script's last
 * extraction and the verdict cache.
 * Prints each stage of the background's check (Analysis.timings, which a second click answered from
 * the verdict cache repeats from the first), medians over the runs, and the CPU time all the
 * browser's processes used per click ("browser cpu"), which the machine's load inflates far less
 * than wall times, and that CPU time by thread ("cpu page main": the page's main thread, where the
 * content script extracts; "cpu engine worker": the offscreen document's engine worker; "cpu
 * extension main": the offscreen document and the popup; "cpu v8 helpers": compiler and GC threads
 * of both). With `--stopped`, each first click wakes a stopped service worker (CDP
 * ServiceWorker.stopAllWorkers just before it), as a reader's click does after 30 s on the page.
 *
 *   npx tsx src/bench/long-page-bench.ts [--runs 5] [--words 60000] [--stopped]
 */
import os from 'node:os';
import type { Analysis } from '../extension/analysis.js';
import { ChromiumSession } from '../../test/e2e/support/chromium.js';
import { startFixtureServer } from '../../test/e2e/support/fixture-server.js';
import { chromiumGate, requireBuild, requireExecutable } from '../../test/e2e/support/gate.js';
import { CHROME_EXT_DIR } from '../../test/e2e/support/paths.js';
import { longNewsPage } from '../../test/e2e/support/long-page.js';
import { timedClick } from './popup-watch.js';
import { median } from './stats.js';

const POLL_MS = 4;
/** A second click is answered from the verdict cache, whose timings are the first click's: only these are its own. */
const SECOND_CLICK_KEYS = new Set(['verdict', 'browser cpu', 'cpu page main', 'cpu engine worker', 'popup opens', 'popup has answer']);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const runs = flag('--runs', 5);
  const stopped = args.includes('--stopped');
  const target = flag('--words', 60_000);
  const gate = chromiumGate();
  if (gate.skip) throw new Error('no Chromium installed');
  const page = longNewsPage(target);
  const server = await startFixtureServer({ '/bench/long.html': { body: page.html } });
  const session = await ChromiumSession.launch({ executablePath: requireExecutable(gate), extensionDir: requireBuild(CHROME_EXT_DIR, 'The Chrome build') });
  console.error(`page: ${page.words} words, ${(page.html.length / 1e6).toFixed(2)} MB; load ${os.loadavg()[0]!.toFixed(2)}`);
  const rows: Record<string, number>[] = [];
  try {
    const observer = await session.observer();
    const tab = await session.openTab(`${server.origin}/bench/long.html?run=open`);
    const click = async (url: string | null, stoppedWorker = false): Promise<Record<string, number>> => {
      const { start, watch, cpuMs, threadMs } = await timedClick(session, tab, observer, url, POLL_MS, stoppedWorker);
      const threadCpu = (kind: RegExp): number => [...threadMs].reduce((sum, [key, ms]) => (kind.test(key) ? sum + ms : sum), 0);
      const analysis = (await observer.evaluate(
        `chrome.runtime.sendMessage({ firsthand: 1, name: 'getCachedAnalysis', args: [${tab.tabId}] }).then((r) => r && r.ok ? r.value : null)`,
      )) as Analysis | null;
      const t = analysis?.timings;
      return {
        verdict: (watch.marks['settled-painted'] ?? watch.at) - start,
        'browser cpu': cpuMs,
        // of which, by thread: where each stage's work is done, whatever else the machine runs
        'cpu page main': threadCpu(/^page chromium$/),
        'cpu service worker': threadCpu(/^extension ServiceWorker/),
        'cpu engine worker': threadCpu(/^extension DedicatedWorker/),
        'cpu extension main': threadCpu(/^extension chromium$/),
        'cpu v8 helpers': threadCpu(/^(page|extension) ThreadPoolForeg/),
        'popup opens': watch.opened - start,
        'popup has answer': (watch.marks.answer ?? Number.NaN) - start,
        // the worker's check begins: waking the worker and its handler's start
        'check starts': (t?.startedAt ?? Number.NaN) - start,
        engine: analysis?.elapsedMs ?? Number.NaN,
        inject: t?.inject ?? Number.NaN,
        extract: t?.extract ?? Number.NaN,
        read: t?.read ?? Number.NaN,
        corpora: t?.corpora ?? Number.NaN,
        texts: t?.texts ?? Number.NaN,
        attribute: t?.attribute ?? Number.NaN,
        other: t?.other ?? Number.NaN,
      };
    };
    // One unmeasured check first: the worker's corpora and lexicon load once per start.
    await click(`${server.origin}/bench/long.html?run=warm`);
    for (let run = 0; run < runs; run++) {
      const url = `${server.origin}/bench/long.html?run=${run}`;
      const first = await click(url, stopped);
      // the reader clicks again on the page as it is: not reloaded
      const second = await click(null);
      rows.push(Object.fromEntries([...Object.entries(first).map(([k, v]) => [`first ${k}`, v]), ...Object.entries(second).filter(([k]) => SECOND_CLICK_KEYS.has(k)).map(([k, v]) => [`second ${k}`, v])]));
      console.error(`  run ${run}: first ${first.verdict!.toFixed(0)} ms, second ${second.verdict!.toFixed(0)} ms`);
    }
  } finally {
    await session.close();
    await server.close();
  }
  console.log(`\n${page.words}-word page, ${runs} runs${stopped ? ', each first click on a stopped service worker' : ''}, medians (ms); load after ${os.loadavg()[0]!.toFixed(2)}\n`);
  for (const key of Object.keys(rows[0] ?? {})) console.log(`${key.padEnd(18)} ${median(rows.map((r) => r[key]!)).toFixed(0).padStart(6)}   (${rows.map((r) => r[key]!.toFixed(0)).join(', ')})`);
}

if (process.argv[1] && /long-page-bench/.test(process.argv[1])) await main();
