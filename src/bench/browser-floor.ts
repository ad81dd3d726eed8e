/**
 * The browser's own floor for "click → something painted in the popup": a minimal MV3
 * extension whose popup is a static page with one line of text (no request, no framework),
 * clicked and watched exactly as Firsthand is. The page has the size of Firsthand's popup,
 * 400 × 320 px, because here a popup's first frame is rastered in software and area costs
 * time. Whatever it takes is the browser's doing on this machine; Firsthand's click →
 * verdict is read against it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChromiumSession } from '../../test/e2e/support/chromium.js';
import { timedClick } from './popup-watch.js';
import { median, quantile } from './stats.js';

export interface FloorRow {
  readonly runs: number;
  /** Click → the static popup painted, p50 / p95. */
  readonly p50: number;
  readonly p95: number;
  /** Click → the popup document's navigation start, p50. */
  readonly openP50: number;
  /** Click → its script running, p50. */
  readonly scriptP50: number;
  /** CPU time all the browser's processes used per click, median (NaN off Linux). */
  readonly cpuP50: number;
  /** The same clicks each on a stopped service worker (its worker is empty): painted p50 / p95, document start p50, CPU p50; null without cold runs. */
  readonly cold: { readonly runs: number; readonly p50: number; readonly p95: number; readonly openP50: number; readonly cpuP50: number } | null;
}

/** The popup marks the same milestones as Firsthand's, the same way (a frame, then a task). */
const POPUP_SCRIPT = `performance.mark('firsthand:script');
addEventListener('DOMContentLoaded', () => {
  const app = document.getElementById('app');
  app.textContent = 'A static popup: nothing checked, nothing asked.';
  app.setAttribute('data-state', 'verdict');
  performance.mark('firsthand:settled');
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('firsthand:settled-painted');
    performance.mark('firsthand:evidence-painted');
  }, 0));
});
`;

function writeBareExtension(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-bare-extension-'));
  const page = '<!doctype html><html><head><meta charset="utf-8"><script src="popup.js"></script></head><body style="width:400px;margin:0"><div id="app" data-state="loading" style="min-height:320px;padding:12px;font:14px system-ui,sans-serif"></div></body></html>';
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Bare popup',
    version: '1.0',
    background: { service_worker: 'background.js' },
    action: { default_popup: 'popup.html' },
  }));
  writeFileSync(path.join(dir, 'background.js'), '');
  writeFileSync(path.join(dir, 'popup.html'), page);
  writeFileSync(path.join(dir, 'popup.js'), POPUP_SCRIPT);
  // The page the click benchmark watches the popup from.
  writeFileSync(path.join(dir, 'options.html'), '<!doctype html><title>watcher</title>');
  return dir;
}

/** Clicks the bare extension's toolbar button `warmup + runs` times on `pageUrl` (a fresh address each time). */
export async function measureBrowserFloor(
  executablePath: string, pageUrl: string, options: { runs: number; coldRuns: number; warmup: number; pollMs: number; pinned?: boolean },
): Promise<FloorRow> {
  const extensionDir = writeBareExtension();
  const session = await ChromiumSession.launch({ executablePath, extensionDir });
  try {
    if (options.pinned) await session.pinToToolbar();
    const observer = await session.observer();
    const tab = await session.openTab(`${pageUrl}?floor=open`);
    const painted: number[] = [];
    const opened: number[] = [];
    const script: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const { start, watch, cpuMs } = await timedClick(session, tab, observer, `${pageUrl}?floor=${run}`, options.pollMs);
      if (run < options.warmup) continue;
      cpu.push(cpuMs);
      painted.push((watch.marks['settled-painted'] ?? watch.at) - start);
      opened.push(watch.opened - start);
      script.push((watch.marks.script ?? Number.NaN) - start);
    }
    const coldPainted: number[] = [];
    const coldOpened: number[] = [];
    const coldCpu: number[] = [];
    for (let run = 0; run < options.coldRuns; run++) {
      const { start, watch, cpuMs } = await timedClick(session, tab, observer, `${pageUrl}?floor=cold-${run}`, options.pollMs, true);
      coldCpu.push(cpuMs);
      coldPainted.push((watch.marks['settled-painted'] ?? watch.at) - start);
      coldOpened.push(watch.opened - start);
    }
    return {
      cold: coldPainted.length === 0 ? null : {
        runs: coldPainted.length, p50: median(coldPainted), p95: quantile(coldPainted, 0.95), openP50: median(coldOpened), cpuP50: median(coldCpu),
      },
      cpuP50: median(cpu),
      runs: painted.length,
      p50: median(painted),
      p95: quantile(painted, 0.95),
      openP50: median(opened),
      scriptP50: median(script.filter((v) => !Number.isNaN(v))),
    };
  } finally {
    await session.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
