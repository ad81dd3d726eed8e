/** Reads test/fixtures/pages and what the generator says each seed page must yield. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');

export interface SeedPartsJson {
  prefix: string;
  title: string;
  standfirst: string | null;
  published: string | null;
  body: string[];
  boilerplate: string[];
}

export const seedParts = JSON.parse(readFileSync(path.join(PAGES_DIR, 'seed-parts.json'), 'utf8')) as {
  chromeMarkers: string[];
  seeds: SeedPartsJson[];
};

export const TEMPLATES = ['wire', 'modern', 'wp'] as const;

export function readPage(name: string): string {
  return readFileSync(path.join(PAGES_DIR, name), 'utf8');
}

/** Whitespace-collapsed, as extracted paragraphs are. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
