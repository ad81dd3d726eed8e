/**
 * Real `node dist/cli.js` runs with random argument combinations over good, hostile and impossible
 * inputs: every run must end in time with a documented exit code, a one-line error without a stack
 * trace, JSON where --json was asked, and the same output when run again.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI_FILE, ROOT, SEEDS_CORPUS_FILE } from '../build/paths.js';
import { damagedCorpus } from './damage-corpus.js';
import { hostilePage, type SeedMaterial } from './hostile-pages.js';
import { caseSeed, Prng } from './prng.js';

export interface CliRunReport {
  readonly args: readonly string[];
  readonly problem: 'crash' | 'hang' | 'wrong' | null;
  readonly detail: string;
  readonly ms: number;
}

const DOCUMENTED_EXIT_CODES = new Set([0, 2, 3, 4, 5, 6]);

/** The inputs the runs choose from: written once into `dir`. */
function inputPool(dir: string, seeds: SeedMaterial, seed: number): { pages: string[]; corpora: string[]; outs: string[] } {
  const prng = new Prng(seed);
  const pages = [path.join(ROOT, 'test/fixtures/pages/wire-001.html'), path.join(ROOT, 'seeds', `${seeds.ids.get('001')}.txt`), '/dev/zero', '/dev/null', dir, path.join(dir, 'missing.html'), '-'];
  for (let i = 0; i < 12; i++) {
    const page = hostilePage(prng, seeds);
    if (page.bytes.length > 2_000_000) continue; // the in-process cases cover the huge ones
    const file = path.join(dir, `${i}-${page.name}`);
    writeFileSync(file, page.bytes);
    pages.push(file);
  }
  spawnSync('mkfifo', [path.join(dir, 'fifo.html')]);
  pages.push(path.join(dir, 'fifo.html'));
  const folder = path.join(dir, 'articles');
  mkdirSync(folder, { recursive: true });
  for (const [id, text] of seeds.texts) writeFileSync(path.join(folder, `${id}.txt`), text);
  const corpusBytes = new Uint8Array(readFileSync(SEEDS_CORPUS_FILE));
  const corpora = [SEEDS_CORPUS_FILE, folder, path.join(dir, 'missing.fhc'), '/dev/zero', path.join(dir, 'fifo.html')];
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, `damaged-${i}.fhc`);
    writeFileSync(file, damagedCorpus(prng, corpusBytes).bytes);
    corpora.push(file);
  }
  const outs = [path.join(dir, 'out.fhc'), path.join(dir, 'no-folder', 'out.fhc'), dir, '/dev/full'];
  return { pages, corpora, outs };
}

function randomArgs(prng: Prng, pool: ReturnType<typeof inputPool>): string[] {
  const command = prng.pick(['check', 'check', 'check', 'extract', 'extract', 'build-corpus', 'help', 'frobnicate', '']);
  const args: string[] = command ? [command] : [];
  const extras = ['--json', '--json', '--url', '--corpus', '--out', '--frobnicate', '-x', '--', '--url=https://news.example/a', '--corpus='];
  const positional = command === 'build-corpus' ? () => prng.pick(pool.corpora) : () => prng.pick(pool.pages);
  for (let n = prng.int(0, 3); n > 0; n--) args.push(positional());
  for (let n = prng.int(0, 3); n > 0; n--) {
    const option = prng.pick(extras);
    args.push(option);
    if (option === '--corpus') args.push(prng.pick(pool.corpora));
    if (option === '--out') args.push(prng.pick(pool.outs));
    if (option === '--url') args.push(prng.pick(['https://news.example/story', 'story.txt', 'javascript:alert(1)', '']));
  }
  return args;
}

/** Runs `count` CLI invocations; every third is run twice to compare outputs. */
export function runCliCases(seed: number, count: number, dir: string, seeds: SeedMaterial, timeoutMs: number): CliRunReport[] {
  const pool = inputPool(dir, seeds, seed);
  const reports: CliRunReport[] = [];
  for (let index = 0; index < count; index++) {
    const prng = new Prng(caseSeed(seed ^ 0x5bd1e995, index));
    const args = randomArgs(prng, pool);
    const stdin = prng.chance(0.5) ? readFileSync(path.join(ROOT, 'seeds', `${seeds.ids.get('000')}.txt`)) : new Uint8Array();
    const once = () => spawnSync(process.execPath, [CLI_FILE, ...args], { input: stdin, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, cwd: dir });
    const started = performance.now();
    const run = once();
    const ms = performance.now() - started;
    const report = (problem: CliRunReport['problem'], detail = ''): void => void reports.push({ args, problem, detail, ms });
    if (run.error || run.status === null) {
      report('hang', `no exit within ${timeoutMs} ms (${run.error?.message ?? run.signal})`);
      continue;
    }
    if (!DOCUMENTED_EXIT_CODES.has(run.status)) {
      report('crash', `exit ${run.status}: ${run.stderr.split('\n')[0]}`);
      continue;
    }
    if (/\n\s+at |firsthand( extract)?: .*internal error/.test(run.stderr)) {
      report('crash', `stack trace or internal error: ${run.stderr.slice(0, 200)}`);
      continue;
    }
    const wrong = outputProblem(args, run.status, run.stdout);
    if (wrong) {
      report('wrong', wrong);
      continue;
    }
    if (index % 3 === 0) {
      const again = once();
      const stable = (out: string): string => out.replace(/"(extract|load|query)_ms":\s*[\d.]+/g, '');
      if (again.status !== run.status || stable(again.stdout) !== stable(run.stdout)) {
        report('wrong', `not deterministic: exit ${run.status} then ${again.status}`);
        continue;
      }
    }
    report(null);
  }
  return reports;
}

function outputProblem(args: readonly string[], status: number, stdout: string): string | null {
  if (!args.includes('--json') || args.includes('--') || args[0] === 'help' || args[0] === 'build-corpus') return null;
  const lines = stdout.trim() ? (args[0] === 'extract' ? stdout.trimEnd().split('\n') : [stdout]) : [];
  for (const line of lines) {
    let parsed: { overlap?: number; sources?: Array<{ coverage: number }>; error?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      return `--json output is not JSON: ${line.slice(0, 120)}`;
    }
    if (parsed.overlap !== undefined && !(parsed.overlap >= 0 && parsed.overlap <= 1)) return `overlap ${parsed.overlap}`;
    if (parsed.sources?.some((s) => !(s.coverage >= 0 && s.coverage <= 1))) return 'coverage outside [0, 1]';
  }
  if (status !== 0 && args[0] === 'check' && lines.length === 0) return 'a failed check --json printed no error object';
  return null;
}
