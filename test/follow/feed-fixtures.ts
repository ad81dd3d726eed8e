import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/build/paths.js';

export const FEEDS_DIR = path.join(ROOT, 'test/fixtures/feeds');

/** A feed fixture with its `{{base}}` placeholders set to a site's origin. */
export function feedFixture(name: string, base: string): string {
  return readFileSync(path.join(FEEDS_DIR, name), 'utf8').replaceAll('{{base}}', base);
}
