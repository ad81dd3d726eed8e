/**
 * What the e2e tests know about the five seed articles: their ids, titles and, when the
 * team's hand-made labels are at hand, which sentences of one seed derive from another.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IS_CI } from './gate.js';
import { SEEDS_DIR, SHARED_DIR } from './paths.js';

/** Full corpus id of a seed from its label prefix, e.g. `000` → `000_e2d132a4a4c45b33`. */
export function seedId(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${prefix}_`) && name.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS_DIR}`);
  return file.slice(0, -'.txt'.length);
}

export function seedText(prefix: string): string {
  return readFileSync(path.join(SEEDS_DIR, `${seedId(prefix)}.txt`), 'utf8');
}

/** The title the popup should show for a seed: seeds/catalog.json when present, else the text's first line. */
export function seedTitle(prefix: string): string {
  const catalogFile = path.join(SEEDS_DIR, 'catalog.json');
  if (existsSync(catalogFile)) {
    const catalog: unknown = JSON.parse(readFileSync(catalogFile, 'utf8'));
    const entries = Array.isArray(catalog)
      ? catalog
      : catalog && typeof catalog === 'object' && Array.isArray((catalog as { articles?: unknown }).articles)
        ? (catalog as { articles: unknown[] }).articles
        : catalog && typeof catalog === 'object'
          ? Object.entries(catalog).map(([id, meta]) => ({ id, ...(meta as object) }))
          : [];
    const id = seedId(prefix);
    for (const entry of entries as { id?: unknown; title?: unknown }[]) {
      if (entry.id === id && typeof entry.title === 'string') return entry.title;
    }
  }
  return seedText(prefix).split('\n').find((line) => line.trim() !== '')!.trim();
}

/** Collapses runs of whitespace, so DOM text and file text compare equal. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const LABELS_FILE = path.join(SHARED_DIR, 'eval/seed-pairs/labels.json');

interface LabelPair {
  a: string;
  b: string;
  sentences: { a: string; b: string }[];
  borderline?: { a: string; b: string }[];
}

/**
 * The sentences of seed `a` that the labels align with seed `b` (borderline ones included),
 * in the order they appear in `a`; null when ../shared is absent (a user's clone), which the
 * caller reports. Under CI=true the labels must be there.
 */
export function labelledSentences(a: string, b: string): string[] | null {
  if (!existsSync(LABELS_FILE)) {
    if (IS_CI) throw new Error(`CI=true but ${LABELS_FILE} is missing`);
    return null;
  }
  const labels = JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as { pairs: LabelPair[] };
  const pair = labels.pairs.find((p) => p.a === a && p.b === b);
  if (!pair) throw new Error(`labels.json has no pair ${a}/${b}`);
  const text = seedText(a);
  return [...pair.sentences, ...(pair.borderline ?? [])]
    .map((s) => s.a)
    .sort((x, y) => text.indexOf(x) - text.indexOf(y));
}
