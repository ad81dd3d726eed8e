/**
 * Extraction comes first in the pipeline (page → article text → fingerprints → candidates → passages →
 * verdict → UI): it may share the engine's text rules (src/engine/text/, and the engine's shared types),
 * never reach into a later stage of the engine, its public surface (which pulls in all of them), or the
 * hosts that run it (CLI, extension, follow, bench).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/build/paths.js';
import { importsOf } from '../engine/engine-layout.js';

const SRC = path.join(ROOT, 'src');
const EXTRACT = path.join(SRC, 'extract');

/** Where extraction may import from: its own folder and the engine's text stage and shared types. */
const ALLOWED = [/^extract\//, /^engine\/text\/[^/]+$/, /^engine\/types\.ts$/];

/** Every import of a file under src/extract (`file` relative to it) that leaves what extraction may use. */
export function extractionViolations(file: string, source: string): string[] {
  return importsOf({ path: file, source }).flatMap(({ specifier, line }) => {
    if (!specifier.startsWith('.')) return [];
    const target = path.posix.normalize(path.posix.join('extract', path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
    return ALLOWED.some((rule) => rule.test(target)) ? [] : [`extract/${file}:${line}: imports ${specifier} (src/${target})`];
  });
}

describe('extraction imports nothing later in the pipeline', () => {
  test('every file under src/extract imports only extraction, the engine\'s text stage and its shared types', () => {
    const files = readdirSync(EXTRACT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => extractionViolations(f.split(path.sep).join('/'), readFileSync(path.join(EXTRACT, f), 'utf8')))).toEqual([]);
  });

  test.each([
    ['../engine/verdict/credits.js', 'a later engine stage (the wire-byline rule once lived there)'],
    ['../engine/verdict/published.js', 'a later engine stage'],
    ['../engine/retrieve/candidates.js', 'a later engine stage'],
    ['../engine/index.js', 'the engine\'s public surface'],
    ['../cli/assets.js', 'a host'],
    ['../extension/messages.js', 'a host'],
  ])('an import of %s is refused: %s', (specifier) => {
    expect(extractionViolations('furniture-text.ts', `import { x } from '${specifier}';`)).toEqual([expect.stringContaining(`imports ${specifier}`)]);
  });

  test.each([
    ['furniture-text.ts', '../engine/text/wire-bylines.js'],
    ['page-meta.ts', '../engine/text/published.js'],
    ['page-meta.ts', '../engine/types.js'],
    ['extract-article.ts', './page-meta.js'],
  ])('%s importing %s is allowed', (file, specifier) => {
    expect(extractionViolations(file, `import { x } from '${specifier}';`)).toEqual([]);
  });
});
