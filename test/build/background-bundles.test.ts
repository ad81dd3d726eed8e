/**
 * What each browser's background bundle holds (esbuild's metafile of the real build). Chrome's
 * service worker hands checks and page reading to its offscreen document, so a click that wakes a
 * stopped worker must not wait for the evaluation of Readability, the extraction, the engine's
 * attribution or the lexicon; Firefox's event page runs checks itself and needs them all.
 */
import { beforeAll, expect, test } from 'vitest';
import { BACKGROUND_BUNDLES, bundleScripts } from '../../src/build/bundle-extension.js';

/** Source files in each bundle, by output file name (`background-chrome.js`, …). */
let inputs: Map<string, string[]>;

beforeAll(async () => {
  const { metafile } = await bundleScripts('0.0.0');
  inputs = new Map(Object.entries(metafile.outputs).map(([out, { inputs: used }]) => [
    out.split('/').pop()!,
    Object.entries(used).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([file]) => file),
  ]));
}, 60_000);

const holds = (bundle: string, pattern: RegExp): boolean => (inputs.get(bundle) ?? []).some((file) => pattern.test(file));

/** What only checking a page, or reading one with a DOM, needs. */
const CHECKING_AND_READING: Readonly<Record<string, RegExp>> = {
  Readability: /@mozilla\/readability/,
  'the extraction': /src\/extract\/extract-article\.ts$/,
  'the DOM page reader': /src\/extension\/dom-page-reader\.ts$/,
  'the aligner': /src\/engine\/align\/align\.ts$/,
  'the attribution': /src\/engine\/verdict\/attribute\.ts$/,
  'the engine port': /src\/extension\/engine\.ts$/,
  'the popup view builder': /src\/extension\/build-analysis\.ts$/,
};

test.each(Object.entries(CHECKING_AND_READING))("Chrome's service worker bundle leaves %s out", (_, pattern) => {
  expect(holds(BACKGROUND_BUNDLES.chrome, pattern)).toBe(false);
});

test("Chrome's service worker still builds the reader's corpus segments and follows sources", () => {
  expect(holds(BACKGROUND_BUNDLES.chrome, /src\/engine\/retrieve\/grow\.ts$/)).toBe(true);
  expect(holds(BACKGROUND_BUNDLES.chrome, /src\/extension\/background\/followed-sources\.ts$/)).toBe(true);
  expect(holds(BACKGROUND_BUNDLES.chrome, /src\/extension\/background\/offscreen-check-engine\.ts$/)).toBe(true);
});

test("Firefox's event page checks and reads pages itself: it keeps the engine and Readability", () => {
  for (const pattern of [/@mozilla\/readability/, /src\/engine\/align\/align\.ts$/, /src\/engine\/verdict\/attribute\.ts$/, /src\/extension\/engine\.ts$/]) {
    expect(holds(BACKGROUND_BUNDLES.firefox, pattern)).toBe(true);
  }
  expect(holds(BACKGROUND_BUNDLES.firefox, /src\/extension\/background\/offscreen-check-engine\.ts$/)).toBe(false);
});

test("Chrome's engine worker keeps the engine the service worker left out", () => {
  expect(holds('engine-worker.js', /src\/engine\/verdict\/attribute\.ts$/)).toBe(true);
  expect(holds('offscreen.js', /@mozilla\/readability/)).toBe(true);
});
