import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/paths.js';
import type { SeedMaterial } from './hostile-pages.js';

/** The seed articles bundled in seeds/ and the HTML fixture pages: what the mutations start from. */
export function seedMaterial(): SeedMaterial {
  const seedsDir = path.join(ROOT, 'seeds');
  const texts = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
    texts.set(name.slice(0, 3), readFileSync(path.join(seedsDir, name), 'utf8'));
    ids.set(name.slice(0, 3), name.replace(/\.txt$/, ''));
  }
  const pagesDir = path.join(ROOT, 'test/fixtures/pages');
  const htmlPages = readdirSync(pagesDir).filter((n) => n.endsWith('.html')).sort().map((n) => readFileSync(path.join(pagesDir, n), 'utf8'));
  return { texts, ids, htmlPages };
}
