/**
 * The engine runs unchanged in the extension, the CLI and the tests, and its folders follow the pipeline
 * (text → fingerprint → retrieve → align → verdict). Its imports are read from the source: no browser, DOM or
 * Node module or global, and no stage importing a later one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/build/paths.js';
import { importsOf, layoutViolations, type EngineFile } from './engine-layout.js';

const ENGINE = path.join(ROOT, 'src', 'engine');

function engineFiles(): EngineFile[] {
  return readdirSync(ENGINE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: f.split(path.sep).join('/'), source: readFileSync(path.join(ENGINE, f), 'utf8') }));
}

describe('the engine keeps to its layout', () => {
  test('every engine file sits in a stage, imports no host module or global, and no later stage', () => {
    const files = engineFiles();
    expect(files.length).toBeGreaterThan(25);
    expect(layoutViolations(files)).toEqual([]);
  });

  test('the parser sees the engine\'s real imports', () => {
    const attribute = engineFiles().find((f) => f.path === 'verdict/attribute.ts')!;
    expect(importsOf(attribute).map((i) => i.specifier)).toContain('../align/align.js');
  });
});

describe('the rules catch what they are for', () => {
  const file = (p: string, source: string): EngineFile => ({ path: p, source });

  test.each([
    ['import { readFileSync } from \'node:fs\';', 'a Node module'],
    ['import path from \'path\';', 'a Node module'],
    ['const fs = require(\'fs\');', 'a Node module'],
    ['export { x } from \'node:path\';', 'a Node module'],
    ['const m = await import(\'node:crypto\');', 'a Node module'],
    ['import browser from \'webextension-polyfill\';', 'a browser or DOM module'],
    ['import { parseHTML } from \'linkedom\';', 'a browser or DOM module'],
    ['import { JSDOM } from \'jsdom\';', 'a browser or DOM module'],
    ['import { h } from \'preact\';', 'a browser or DOM module'],
    ['import { useState } from \'preact/hooks\';', 'a browser or DOM module'],
    ['import { Readability } from \'@mozilla/readability\';', 'a browser or DOM module'],
    ['import { send } from \'../../extension/messages.js\';', 'outside the engine'],
  ])('%s is refused as %s', (source, why) => {
    expect(layoutViolations([file('text/term.ts', source)])).toEqual([expect.stringContaining(why)]);
  });

  test.each(['window.setTimeout(f, 1);', 'document.title;', 'chrome.runtime.id;', 'browser.tabs.query({});'])('the host global in %s is refused', (source) => {
    expect(layoutViolations([file('align/align.ts', source)])).toEqual([expect.stringContaining('uses the host global')]);
  });

  test('a name of the file\'s own is not a host global', () => {
    expect(layoutViolations([file('verdict/verdict.ts', 'function f(document: { words: number }) { return document.words; }')])).toEqual([]);
  });

  test.each([
    ['text/tokenize.ts', '../align/prepared-text.js', 'align comes after text'],
    ['align/align.ts', '../verdict/verdict.js', 'verdict comes after align'],
    ['fingerprint/anchors.ts', '../retrieve/candidates.js', 'retrieve comes after fingerprint'],
    ['types.ts', './text/term.js', 'text comes after the shared types'],
    ['text/term.ts', '../index.js', 'not the public surface'],
    ['text/term.ts', '../scratch/x.js', 'not in a stage folder'],
  ])('%s importing %s is refused', (from, specifier, why) => {
    expect(layoutViolations([file(from, `import { x } from '${specifier}';`)])).toEqual([expect.stringContaining(why)]);
  });

  test('a file outside the stage folders is refused', () => {
    expect(layoutViolations([file('helpers.ts', '')])).toEqual([expect.stringContaining('not in a stage folder')]);
  });

  test.each([
    ['verdict/attribute.ts', '../align/align.js'],
    ['align/prepared-text.ts', './sentence-similarity.js'],
    ['retrieve/candidates.ts', '../text/tokenize.js'],
    ['fingerprint/corpus-file.ts', '../types.js'],
    ['index.ts', './verdict/attribute.js'],
    ['text/term.ts', 'fflate'],
  ])('%s may import %s', (from, specifier) => {
    expect(layoutViolations([file(from, `import { x } from '${specifier}';`)])).toEqual([]);
  });
});
