/**
 * Where the evaluation data lives. The datasets sit in ../shared next to the repo (read-only team
 * material); a user's fresh clone has none, so every dataset is optional there, while under
 * CI=true a missing dataset is an error rather than a silently empty table.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const EVAL_DATA_DIR = path.join(SHARED_DIR, 'eval');

/** Raised when a dataset the run needs is missing under CI. */
export class MissingDatasetError extends Error {
  override readonly name = 'MissingDatasetError';
}

/**
 * The folder of one dataset under ../shared/eval, or null (with the reason in `skip`) when it is
 * absent outside CI.
 */
export function locateDataset(name: string, env: NodeJS.ProcessEnv = process.env): { dir: string } | { skip: string } {
  const dir = path.join(EVAL_DATA_DIR, name);
  if (existsSync(dir)) return { dir };
  const message = `dataset ${name} not found at ${dir} (it lives in ../shared/eval next to the repo; a fresh clone has none)`;
  if (env['CI'] === 'true') throw new MissingDatasetError(`${message}; CI=true requires it`);
  return { skip: message };
}
