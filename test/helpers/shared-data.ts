import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR, sharedRequired } from '../../src/eval/shared-data.js';

/**
 * The shared folder holds externally made evaluation data. A user's fresh clone has none, so tests
 * that need it skip there; CI's full run has it and sets FIRSTHAND_REQUIRE_SHARED=1, so there its
 * absence is a failure, not a skip.
 */
export { SHARED_DIR };
export const hasShared = existsSync(path.join(SHARED_DIR, 'eval'));
export const requireShared = sharedRequired();

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}
