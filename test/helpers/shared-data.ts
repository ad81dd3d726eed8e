import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/build/paths.js';

/**
 * ../shared holds externally made evaluation data. A user's fresh clone has
 * none, so tests that need it skip there; CI has it, and under CI=true its
 * absence is a failure, not a skip.
 */
export const SHARED_DIR = path.resolve(ROOT, '../shared');
export const hasShared = existsSync(path.join(SHARED_DIR, 'eval'));
export const requireShared = process.env.CI === 'true';

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}
