/**
 * Runs the built `firsthand` CLI as a user would (`node dist/cli.js …`) and reads its JSON report.
 * Used where the spec asks for the CLI itself; a few processes run at once on the 2-core box.
 */
import { execFile } from 'node:child_process';
import { CLI_PATH } from './engine-adapter.js';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_PATH, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });
}

/** Subset of `check --json` the evaluation reads (issue 2's shape). */
export interface CheckReport {
  readonly page: { readonly words: number; readonly text: string };
  readonly status: string;
  readonly likelyOriginal: string | null;
  readonly self: string | null;
  readonly overlap: number;
  readonly sources: readonly {
    readonly id: string;
    readonly relation: string;
    readonly coverage: number;
    readonly passages: readonly { readonly page: readonly [number, number]; readonly kind: string; readonly similarity: number }[];
  }[];
}

/** `check <file> --corpus <corpus> --json`, parsed; a failed check becomes an error string. */
export async function checkWithCli(file: string, corpus: string, url?: string): Promise<CheckReport | { error: string }> {
  const { exitCode, stdout, stderr } = await runCli(['check', file, '--corpus', corpus, '--json', ...(url === undefined ? [] : ['--url', url])]);
  if (exitCode !== 0) return { error: `exit ${exitCode}: ${(stderr || stdout).trim().split('\n')[0] ?? ''}` };
  try {
    return JSON.parse(stdout) as CheckReport;
  } catch {
    return { error: `unparseable JSON from check: ${stdout.slice(0, 120)}` };
  }
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
