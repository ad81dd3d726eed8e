/**
 * The extension's two sides depend one way: the UI (popup/) uses the extension's types, messages
 * and browser seam (src/extension/), never the reverse; and of the UI only its three page entries
 * (popup/*-page.tsx), which wire the UI's ports to the browser, may reach the browser seam.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/paths.js';

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The modules a source file imports, as written. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Imports of `file` that resolve inside `folder`. */
function importsInto(file: string, folder: string): string[] {
  return importsOf(readFileSync(file, 'utf8')).filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(folder + path.sep));
}

const EXTENSION = path.join(ROOT, 'src/extension');
const UI = path.join(ROOT, 'popup');
const isPageEntry = (file: string): boolean => /-page\.tsx$/.test(file);

describe('importsOf', () => {
  it('reads static imports, re-exports, side-effect and dynamic imports', () => {
    const source = "import { a } from './a.js';\nimport type { B } from \"../b.js\";\nexport { c } from './c.js';\nimport './d.css';\nconst e = await import('./e.js');";
    expect(importsOf(source)).toEqual(['./a.js', '../b.js', './c.js', './d.css', './e.js']);
  });
});

describe('the extension and its UI', () => {
  it('src/extension never imports popup/', () => {
    const upward = sourceFiles(EXTENSION).flatMap((f) => importsInto(f, UI).map((spec) => `${path.relative(ROOT, f)}: ${spec}`));
    expect(upward).toEqual([]);
  });

  it('the UI reaches the browser only from its page entries', () => {
    const reaching = sourceFiles(UI)
      .filter((f) => !isPageEntry(f))
      .flatMap((f) =>
        importsOf(readFileSync(f, 'utf8'))
          .filter((spec) => spec === 'webextension-polyfill' || /\/browser\.js$/.test(spec))
          .map((spec) => `${path.relative(ROOT, f)}: ${spec}`),
      );
    expect(reaching).toEqual([]);
  });

  it('has its three page entries in popup/', () => {
    expect(sourceFiles(UI).filter(isPageEntry).map((f) => path.basename(f)).sort()).toEqual(['options-page.tsx', 'popup-page.tsx', 'reports-page.tsx']);
  });
});
