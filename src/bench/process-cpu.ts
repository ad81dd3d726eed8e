/**
 * CPU time a process tree has used, for the browser benchmarks: wall times on this shared 2-core
 * machine grow with other jobs' load, CPU time much less, so the benches report both. Linux only
 * (reads /proc); elsewhere the figures are absent rather than wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
}

/** Parent of each live process, by pid. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOr(`/proc/${name}/stat`);
    // the command name (field 2) may hold spaces and parentheses: fields after its last ')'
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields) out.set(Number(name), Number(fields[1]));
  }
  return out;
}

/**
 * The pid of the process whose command line holds `marker` (e.g. a browser's profile folder) and
 * whose parent's does not: the root of the browser's tree (its helpers carry the marker too).
 */
export function pidWithArgument(marker: string): number | null {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = readOr(`/proc/${name}/cmdline`);
    if (cmdline?.includes(marker)) found.push(Number(name));
  }
  return treeRoot(found, parents());
}

/**
 * Of processes that share a marker, the one whose parent is not among them (the lowest such pid if
 * several): not simply the lowest pid, which after pids wrap around may be one of the root's children.
 */
export function treeRoot(pids: readonly number[], parentOf: ReadonlyMap<number, number>): number | null {
  const marked = new Set(pids);
  const roots = pids.filter((pid) => !marked.has(parentOf.get(pid) ?? -1));
  return roots.length === 0 ? null : Math.min(...roots);
}

/** `root` and every process under it. */
function processTree(root: number): Set<number> {
  const parentOf = parents();
  const inTree = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parentOf) if (!inTree.has(pid) && inTree.has(parent)) (inTree.add(pid), (grew = true));
  }
  return inTree;
}

/** The thread ids of `pid`, none once it has exited. */
function threadsOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** Nanoseconds a thread has spent on a CPU (schedstat's first field). */
function threadCpuNs(pid: number, tid: string): number {
  return Number(readOr(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0] ?? 0);
}

/** CPU milliseconds used so far by `root` and every process under it, all threads (schedstat: ns on a CPU). */
export function treeCpuMs(root: number): number {
  let ns = 0;
  for (const pid of processTree(root)) {
    for (const tid of threadsOf(pid)) ns += threadCpuNs(pid, tid);
  }
  return ns / 1e6;
}

/** A CPU clock for the browser running with profile folder `userDataDir`, or null where /proc cannot tell. */
export function browserCpuClock(userDataDir: string): (() => number) | null {
  try {
    const pid = pidWithArgument(userDataDir);
    return pid === null ? null : () => treeCpuMs(pid);
  } catch {
    return null;
  }
}

/** What a browser process is, from its command line: the browser itself, a page's or the extension's renderer, or another helper. */
export function processKind(cmdline: string): string {
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
  if (type === undefined) return 'browser';
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'page';
  return type;
}

/**
 * CPU milliseconds used so far by each kind of thread of `root`'s process tree, keyed
 * `<process kind> <thread name>` ("page CrRendererMain": a page's main thread, where the content
 * script extracts; "extension DedicatedWorker": the engine worker): which process did the work.
 */
export function treeCpuByThread(root: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of processTree(root)) {
    const kind = processKind(readOr(`/proc/${pid}/cmdline`)?.replace(/\0/g, ' ') ?? '');
    for (const tid of threadsOf(pid)) {
      const name = (readOr(`/proc/${pid}/task/${tid}/comm`) ?? '?').trim().replace(/[\d:]+$/, '').trim();
      const key = `${kind} ${name}`;
      out.set(key, (out.get(key) ?? 0) + threadCpuNs(pid, tid) / 1e6);
    }
  }
  return out;
}

/** CPU by thread kind of the browser with profile folder `userDataDir` (see treeCpuByThread), or null where /proc cannot tell. */
export function browserThreadClock(userDataDir: string): (() => Map<string, number>) | null {
  try {
    const pid = pidWithArgument(userDataDir);
    return pid === null ? null : () => treeCpuByThread(pid);
  } catch {
    return null;
  }
}
