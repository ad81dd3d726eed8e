/**
 * The content scripts as built (esbuild's real output), run in a jsdom page the way a browser runs
 * an injected file: as a classic script whose value, its last statement's, is what
 * executeScript({files}) hands back. content-extract.js, a check's one call into the page, must
 * have the page's extraction as its value; it must install the same API as content.js, so that
 * either finds the other's (and the extraction it remembers); and since it runs on every check it
 * must leave nothing else behind in the content scripts' global scope.
 */
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { beforeAll, expect, test } from 'vitest';
import { bundleScripts } from '../../src/build/bundle-extension.js';
import { CONTENT_GLOBAL, type ContentApi, type PageExtraction } from '../../src/extension/content-api.js';

let built: Record<'content.js' | 'content-extract.js', vm.Script>;

beforeAll(async () => {
  const { files } = await bundleScripts('0.0.0');
  const script = (name: string): vm.Script => new vm.Script(new TextDecoder().decode(files[name]), { filename: name });
  built = { 'content.js': script('content.js'), 'content-extract.js': script('content-extract.js') };
}, 60_000);

const ADDRESS = 'https://news.example/ferry';
const paragraph = (i: number): string =>
  `Paragraph ${i}: the harbour ferry will resume its crossings on Monday after three weeks of repairs to the old pier, the council said, and engineers replaced every pile.`;

/** A fresh news page, and a way to inject a built script into it. */
function newsPage() {
  const html = `<!doctype html><html><head><title>Ferry to resume</title></head><body><article><h1>Ferry to resume</h1>${
    Array.from({ length: 8 }, (_, i) => `<p>${paragraph(i)}</p>`).join('')
  }</article></body></html>`;
  const dom = new JSDOM(html, { url: ADDRESS, runScripts: 'outside-only', pretendToBeVisual: true });
  const context = dom.getInternalVMContext();
  const window = dom.window as unknown as Record<string, unknown>;
  return {
    inject: (file: keyof typeof built): unknown => built[file].runInContext(context),
    api: (): ContentApi | undefined => window[CONTENT_GLOBAL] as ContentApi | undefined,
    globals: (): string[] => Object.getOwnPropertyNames(window),
  };
}

test("content-extract.js's value is the page's extraction: what executeScript({files}) hands back", () => {
  const page = newsPage();
  const value = page.inject('content-extract.js') as PageExtraction;
  expect(value).toMatchObject({ url: ADDRESS, article: { title: 'Ferry to resume' } });
  if (!('article' in value)) throw new Error(value.error.message);
  expect(value.article.text).toContain(paragraph(7));
  expect(value.readMs).toBeGreaterThan(0);
  expect(value.cached).toBeUndefined();
  // content.js, a bundle like any other, has no value: the reason content-extract.js ends with a statement of its own.
  expect(newsPage().inject('content.js')).toBeUndefined();
});

test('content-extract.js leaves only the content API in the global scope, and can run again on every check', () => {
  const page = newsPage();
  const before = new Set(page.globals());
  page.inject('content-extract.js');
  expect(page.globals().filter((name) => !before.has(name))).toEqual([CONTENT_GLOBAL]);
  const api = page.api();
  // A second check on the unchanged page: the same API, answering from the extraction it remembers.
  expect(page.inject('content-extract.js')).toMatchObject({ url: ADDRESS, cached: true });
  expect(page.api()).toBe(api);
  expect(page.globals().filter((name) => !before.has(name))).toEqual([CONTENT_GLOBAL]);
});

test('content.js injected after a check (highlighting, Add this page) keeps the API the check installed, with its extraction', () => {
  const page = newsPage();
  page.inject('content-extract.js');
  const installed = page.api();
  page.inject('content.js');
  expect(page.api()).toBe(installed);
  expect(page.api()!.extract().cached).toBe(true);
});

test("a check after content.js finds the API content.js installed, and the extraction it remembers", () => {
  const page = newsPage();
  page.inject('content.js');
  const installed = page.api()!;
  installed.extract();
  expect(page.inject('content-extract.js')).toMatchObject({ url: ADDRESS, cached: true });
  expect(page.api()).toBe(installed);
});
