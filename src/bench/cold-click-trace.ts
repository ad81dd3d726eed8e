/**
 * Where a click on a stopped worker spends its time, from Chrome's own trace (not a test):
 * stops the extension's service worker, records a browser-wide trace (every process) around
 * one toolbar click, and prints, per process and thread, the main events from the click
 * until the popup painted its passages. The raw trace is written for chrome://tracing or
 * Perfetto.
 *
 *   npx tsx src/bench/cold-click-trace.ts [--clicks 3] [--extension dist/chrome] [--out /tmp/cold-click]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChromiumSession } from '../../test/e2e/support/chromium.js';
import { startFixtureServer } from '../../test/e2e/support/fixture-server.js';
import { chromiumGate, requireBuild, requireExecutable } from '../../test/e2e/support/gate.js';
import { CHROME_EXT_DIR } from '../../test/e2e/support/paths.js';
import { seedText } from '../../test/e2e/support/seeds.js';
import { timedClick } from './popup-watch.js';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'blink', 'loading', 'navigation', 'ServiceWorker', 'extensions', 'v8', 'v8.execute', 'toplevel', 'benchmark',
  'blink.user_timing', 'renderer.scheduler', 'cc', 'viz', 'ui', 'views', 'browser', 'mojom', 'ipc',
];

function parseArgs(argv: readonly string[]): { clicks: number; extension: string; out: string; minMs: number } {
  const options = { clicks: 3, extension: CHROME_EXT_DIR, out: '/tmp/cold-click', minMs: 1.5 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--clicks') options.clicks = Number(value);
    else if (flag === '--extension') options.extension = path.resolve(value);
    else if (flag === '--out') options.out = value;
    else if (flag === '--min-ms') options.minMs = Number(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

/** The trace's process and thread names, from its metadata events. */
function names(events: readonly TraceEvent[]): { process: Map<number, string>; thread: Map<string, string> } {
  const process = new Map<number, string>();
  const thread = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    const name = String((e.args as { name?: unknown } | undefined)?.name ?? '');
    if (e.name === 'process_name') process.set(e.pid, name);
    if (e.name === 'process_labels') process.set(e.pid, `${process.get(e.pid) ?? ''} ${String((e.args as { labels?: unknown }).labels)}`);
    if (e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, name);
  }
  return { process, thread };
}

function describe(e: TraceEvent): string {
  const data = (e.args?.['data'] ?? e.args?.['beginData'] ?? {}) as Record<string, unknown>;
  const detail = [data['url'], data['functionName'], data['type'], data['frame'] === undefined ? undefined : undefined, e.args?.['name']]
    .filter((v) => typeof v === 'string' && v !== '')
    .map((v) => String(v).replace(/^chrome-extension:\/\/[a-z]+\//, ''));
  return detail.length === 0 ? e.name : `${e.name} ${detail.join(' ')}`;
}

/** Events from the click on, complete ('X') or begin/end pairs, longer than minMs, top-level per thread. */
function summarize(events: readonly TraceEvent[], clickTs: number, endTs: number, minMs: number): string[] {
  const { process, thread } = names(events);
  const spans: { pid: number; tid: number; start: number; dur: number; what: string }[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ts < clickTs - 5_000 || e.ts > endTs) continue;
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ pid: e.pid, tid: e.tid, start: e.ts, dur: e.dur, what: describe(e) });
    else if (e.ph === 'B') open.set(key, [...(open.get(key) ?? []), e]);
    else if (e.ph === 'E') {
      const stack = open.get(key) ?? [];
      const begin = stack.pop();
      if (begin) spans.push({ pid: e.pid, tid: e.tid, start: begin.ts, dur: e.ts - begin.ts, what: describe(begin) });
    } else if ((e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'n') && e.cat.includes('user_timing') || e.name.startsWith('firsthand:')) {
      spans.push({ pid: e.pid, tid: e.tid, start: e.ts, dur: 0, what: `mark ${e.name}` });
    }
  }
  const lines: string[] = [];
  const byThread = new Map<string, typeof spans>();
  for (const s of spans) {
    if (s.dur / 1000 < minMs && s.dur !== 0) continue;
    const key = `${s.pid}:${s.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), s]);
  }
  for (const [key, list] of byThread) {
    const [pid] = key.split(':').map(Number) as [number];
    list.sort((a, b) => a.start - b.start);
    // top-level only: drop spans inside an earlier one on the same thread, unless a mark
    const top: typeof spans = [];
    let until = -Infinity;
    for (const s of list) {
      if (s.dur === 0 || s.start >= until) top.push(s);
      if (s.dur > 0) until = Math.max(until, s.start + s.dur);
    }
    const busy = top.reduce((sum, s) => sum + s.dur, 0) / 1000;
    lines.push(`\n== ${process.get(pid) ?? pid} / ${thread.get(key) ?? key} (busy ${busy.toFixed(1)} ms in top-level spans ≥ ${minMs} ms)`);
    for (const s of top) {
      const at = ((s.start - clickTs) / 1000).toFixed(1).padStart(7);
      lines.push(`${at} ms  ${s.dur === 0 ? '      ' : `${(s.dur / 1000).toFixed(1).padStart(5)}ms`}  ${s.what}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const gate = chromiumGate();
  if (gate.skip) throw new Error('no Chromium installed');
  const executablePath = requireExecutable(gate);
  const extensionDir = requireBuild(options.extension, 'The Chrome build');
  const body = seedText('001').split('\n').filter((l) => l.trim() !== '').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  const server = await startFixtureServer({ '/trace/page.html': { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trace page</title></head><body><main><article><h1>Trace page</h1>${body}</article></main></body></html>` } });
  const session = await ChromiumSession.launch({ executablePath, extensionDir });
  mkdirSync(options.out, { recursive: true });
  try {
    const observer = await session.observer();
    const tab = await session.openTab(`${server.origin}/trace/page.html?run=open`);
    for (let i = 0; i < 3; i++) await timedClick(session, tab, observer, `${server.origin}/trace/page.html?warm=${i}`, 4);
    const browser = session.context.browser()!;
    for (let click = 0; click < options.clicks; click++) {
      await session.closeRealPopup();
      await browser.startTracing(undefined, { categories: CATEGORIES });
      // timedClick stops the worker right before the click; the trace's clock is read with a mark in the observer.
      const { start, watch } = await timedClick(session, tab, observer, `${server.origin}/trace/page.html?cold=${click}`, 4, true);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const events = trace.traceEvents;
      writeFileSync(path.join(options.out, `click-${click}.json`), JSON.stringify(trace));
      // Anchor: the popup's navigation start is watch.opened (epoch ms); in the trace, the popup's first navigationStart mark.
      const popupNav = events.filter((e) => e.name === 'navigationStart' && String((e.args?.['data'] as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes('popup.html'));
      const navTs = popupNav.length > 0 ? Math.max(...popupNav.map((e) => e.ts)) : Number.NaN;
      const clickTs = navTs - (watch.opened - start) * 1000;
      const endTs = clickTs + ((watch.marks['evidence-painted'] ?? watch.at) - start + 20) * 1000;
      const marks = Object.entries(watch.marks).map(([k, v]) => `${k} ${(v - start).toFixed(0)}`).join(', ');
      console.log(`\n######## click ${click}: popup opened at ${(watch.opened - start).toFixed(0)} ms; marks: ${marks}`);
      console.log(summarize(events, clickTs, endTs, options.minMs).join('\n'));
    }
  } finally {
    await session.close();
    await server.close();
  }
}

await main();
