/** The long-page bench's CPU by thread: each Chromium process told by its command line. */
import { describe, expect, it } from 'vitest';
import { processKind, treeCpuByThread, treeRoot } from '../../src/bench/process-cpu.js';

describe('CPU by kind of process and thread', () => {
  it("tells the browser, a page's renderer, the extension's renderer and the helpers apart", () => {
    expect(processKind('/usr/lib/chromium/chromium --no-sandbox --user-data-dir=/tmp/x')).toBe('browser');
    expect(processKind('/usr/lib/chromium/chromium --type=renderer --lang=en-US --renderer-client-id=7')).toBe('page');
    expect(processKind('/usr/lib/chromium/chromium --type=renderer --extension-process --renderer-client-id=5')).toBe('extension');
    expect(processKind('/usr/lib/chromium/chromium --type=gpu-process --gpu-preferences=x')).toBe('gpu-process');
    expect(processKind('/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService')).toBe('utility');
  });

  it("finds the browser's own process, not a helper that got a lower pid after pids wrapped around", () => {
    // the browser is 32,700; its renderers, started after the pids wrapped, are 310 and 320
    const parentOf = new Map([[32_700, 1], [310, 32_700], [320, 32_700], [400, 1]]);
    expect(treeRoot([310, 320, 32_700], parentOf)).toBe(32_700);
    expect(treeRoot([32_700], parentOf)).toBe(32_700);
    expect(treeRoot([], parentOf)).toBeNull();
  });

  it.skipIf(process.platform !== 'linux')('counts this process\'s own main thread, which is busy now', () => {
    const before = treeCpuByThread(process.pid);
    const started = process.cpuUsage();
    // 60 ms on the CPU, however long the machine's load makes that take
    while (process.cpuUsage(started).user < 60_000);
    const after = treeCpuByThread(process.pid);
    const main = [...after.keys()].find((key) => key.startsWith('browser ') && (after.get(key)! - (before.get(key) ?? 0)) >= 40);
    expect(main).toBeDefined();
  });
});
