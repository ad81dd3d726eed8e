/**
 * Where the evaluation data lives. The datasets sit in a read-only team folder, `../shared` beside
 * the repo unless FIRSTHAND_SHARED_DIR names another; a user's fresh clone has none, so every
 * dataset is optional there. FIRSTHAND_REQUIRE_SHARED=1 (set by .ci/run for its full run) turns a
 * missing dataset into an error rather than a silently empty table or a skipped test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/paths.js';

export const REPO_ROOT = ROOT;

/** The shared folder named by `env`, or `../shared` beside the repo. */
export function sharedDirOf(env: NodeJS.ProcessEnv = process.env): string {
  const named = env['FIRSTHAND_SHARED_DIR'];
  return named ? path.resolve(REPO_ROOT, named) : path.resolve(REPO_ROOT, '../shared');
}

/** Whether a missing dataset is an error under `env`. */
export function sharedRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['FIRSTHAND_REQUIRE_SHARED'] === '1';
}

export const SHARED_DIR = sharedDirOf();
export const EVAL_DATA_DIR = path.join(SHARED_DIR, 'eval');

/** Raised when a dataset the run needs is missing while the shared data is required. */
export class MissingDatasetError extends Error {
  override readonly name = 'MissingDatasetError';
}

/** Throws when the shared data is required, else returns `message` for the caller to skip with. */
export function skipOrFail(message: string, env: NodeJS.ProcessEnv = process.env): string {
  if (sharedRequired(env)) throw new MissingDatasetError(`${message}; FIRSTHAND_REQUIRE_SHARED=1 requires it`);
  return message;
}

/**
 * The folder of one dataset under the shared eval folder, or null (with the reason in `skip`)
 * when it is absent and not required.
 */
export function locateDataset(name: string, env: NodeJS.ProcessEnv = process.env): { dir: string } | { skip: string } {
  const dir = path.join(sharedDirOf(env), 'eval', name);
  if (existsSync(dir)) return { dir };
  return {
    skip: skipOrFail(`dataset ${name} not found at ${dir} (the shared data lives in ../shared beside the repo or in FIRSTHAND_SHARED_DIR; a fresh clone has none)`, env),
  };
}
