/**
 * Builds the browser extension from the one manifest.json:
 *   dist/chrome/        loadable unpacked in Chrome/Chromium
 *   dist/firefox/       loadable as a temporary add-on in Firefox
 *   dist/firefox-test/  the Firefox build plus host_permissions for http://127.0.0.1/* — for
 *                       WebDriver BiDi tests only, where no real toolbar click can grant activeTab;
 *                       never shipped
 *   dist/chrome.zip, dist/firefox.zip   what goes to the stores
 * Data files (dist/data/lexicon.bin, dist/data/seeds.fhc) come from the earlier build steps.
 */
import { build, formatMessages, type BuildOptions, type Message, type Metafile } from 'esbuild';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { deflateSync } from 'node:zlib';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHROME_DIR, DIST, FIREFOX_DIR, FIREFOX_TEST_DIR, LEXICON_FILE, ROOT, SEEDS_CORPUS_FILE } from './paths.js';

export const CHROME_ZIP = path.join(DIST, 'chrome.zip');
export const FIREFOX_ZIP = path.join(DIST, 'firefox.zip');

/** Script bundles, by output name (`<name>.js` at the extension root). */
const ENTRIES: Readonly<Record<string, string>> = {
  // Each browser's own background, shipped as background.js (BACKGROUND_BUNDLES).
  'background-chrome': 'src/extension/background-chrome.ts',
  'background-firefox': 'src/extension/background-firefox.ts',
  content: 'src/extension/content.ts',
  'popup-start': 'src/extension/popup-start-entry.ts',
  popup: 'popup/popup-page.tsx',
  options: 'popup/options-page.tsx',
  reports: 'popup/reports-page.tsx',
  // Chrome only: the offscreen document that keeps the engine warm, and its worker.
  offscreen: 'src/extension/offscreen.ts',
  'engine-worker': 'src/extension/engine-worker.ts',
};
/**
 * Scripts made of a bundle of ENTRIES followed by one statement from an entry built as a plain
 * script, by output name. executeScript({files}) hands back a script's value, its last
 * statement's, and a bundle's IIFE leaves none. content-extract.js is content.js's very code (the
 * same content API, build id and extraction cache that later content.js injections find) ending
 * with the page's extraction: a check installs and reads in one call into the page.
 */
const TAILED_SCRIPTS: Readonly<Record<string, { bundle: string; tail: string }>> = {
  'content-extract': { bundle: 'content', tail: 'src/extension/content-extract.ts' },
};
/** Static files copied from popup/ to the extension root. */
const STATIC_FILES = ['popup.html', 'options.html', 'reports.html', 'style.css', 'offscreen.html'];
const ICON_SIZES = [16, 32, 48, 128];
/** The offscreen document and its engine worker: Firefox's event page runs checks itself. */
const CHROME_ONLY_FILES = new Set(['offscreen.html', 'offscreen.js', 'engine-worker.js']);
/**
 * Which bundle each target ships as background.js: Chrome's service worker hands checks to the
 * offscreen document and leaves the engine out; Firefox's event page checks with it.
 */
export const BACKGROUND_BUNDLES = { chrome: 'background-chrome.js', firefox: 'background-firefox.js', 'firefox-test': 'background-firefox.js' } as const;

type Manifest = Record<string, unknown> & {
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: unknown;
  minimum_chrome_version?: string;
  host_permissions?: string[];
};

/** Per-browser patches of the one manifest: each browser gets only the keys it reads, so neither warns. */
export function manifestFor(base: Manifest, target: 'chrome' | 'firefox' | 'firefox-test', version: string): Manifest {
  const manifest: Manifest = structuredClone({ ...base, version });
  delete manifest['$schema'];
  if (target === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: manifest.background.service_worker! };
  } else {
    delete manifest.minimum_chrome_version;
    // Firefox has no offscreen documents (its event page is a document): the permission would only warn.
    manifest.permissions = (manifest.permissions as string[] | undefined)?.filter((p) => p !== 'offscreen');
    manifest.background = { scripts: manifest.background.scripts! };
  }
  if (target === 'firefox-test') manifest.host_permissions = ['http://127.0.0.1/*'];
  return manifest;
}

async function mustRead(file: string, hint: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new Error(`bundle-extension: ${path.relative(ROOT, file)} is missing. ${hint}`);
  }
}

/**
 * Every script, in memory, by file name, with esbuild's metafile of the bundles (which source files
 * each holds: test/build/background-bundles.test.ts reads it). Throws on any esbuild warning.
 */
export async function bundleScripts(version: string): Promise<{ files: Record<string, Uint8Array>; metafile: Metafile }> {
  const shared = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    target: ['chrome127', 'firefox142'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // FIRSTHAND_BUILD tells content.js of this build from one injected by an earlier build (content.ts).
    define: { 'process.env.NODE_ENV': '"production"', FIRSTHAND_BUILD: JSON.stringify(`${version}+${Date.now().toString(36)}`) },
    // Every click injects content-extract.js and starts popup.js: less to parse is less to wait for.
    // Identifiers stay readable enough for store review (no mangling of property names).
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    outdir: 'out',
    write: false,
    logLevel: 'silent',
  } satisfies BuildOptions;
  const [bundles, tails] = await Promise.all([
    build({ ...shared, metafile: true, entryPoints: ENTRIES, format: 'iife' }),
    // Without an IIFE around it, a tail's last statement is the value of the script it ends.
    build({ ...shared, entryPoints: Object.fromEntries(Object.entries(TAILED_SCRIPTS).map(([name, { tail }]) => [name, tail])), format: 'esm' }),
  ]);
  const problems = [bundles, tails].flatMap((result) => [...result.errors, ...result.warnings]);
  if (problems.length > 0) {
    const text = await formatMessages(problems as Message[], { kind: 'warning' });
    throw new Error(`bundle-extension: esbuild reported problems (warnings fail the build):\n${text.join('\n')}`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const output of bundles.outputFiles) files[path.basename(output.path)] = output.contents;
  for (const [name, { bundle }] of Object.entries(TAILED_SCRIPTS)) {
    const tail = tails.outputFiles.find((output) => path.basename(output.path) === `${name}.js`)!;
    files[`${name}.js`] = Buffer.concat([files[`${bundle}.js`]!, strToU8('\n'), tail.contents]);
  }
  return { files, metafile: bundles.metafile };
}

/** Build every extension target. Throws on any esbuild warning or missing input. */
export async function bundleExtension(): Promise<void> {
  const started = performance.now();
  const data = {
    'data/lexicon.bin': await mustRead(LEXICON_FILE, 'It is made by the build-lexicon step; run `npm run build`.'),
    'data/seeds.fhc': await mustRead(SEEDS_CORPUS_FILE, 'It is made by the build-seeds-corpus step; run `npm run build`.'),
  };
  const baseManifest = JSON.parse(await readFile(path.join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  const files: Record<string, Uint8Array> = { ...data, ...(await bundleScripts(pkg.version)).files };
  for (const name of STATIC_FILES) files[name] = await mustRead(path.join(ROOT, 'popup', name), 'It belongs in popup/.');
  for (const size of ICON_SIZES) files[`icons/icon-${size}.png`] = drawIcon(size);

  const targets = [
    ['chrome', CHROME_DIR],
    ['firefox', FIREFOX_DIR],
    ['firefox-test', FIREFOX_TEST_DIR],
  ] as const;
  for (const [target, dir] of targets) {
    const manifest = manifestFor(baseManifest, target, pkg.version);
    const shipped = Object.fromEntries(Object.entries(files).filter(([name]) =>
      !Object.values(BACKGROUND_BUNDLES).includes(name as never) && (target === 'chrome' || !CHROME_ONLY_FILES.has(name))));
    const background = files[BACKGROUND_BUNDLES[target]]!;
    await writeTree(dir, { ...shipped, 'background.js': background, 'manifest.json': strToU8(JSON.stringify(manifest, null, 2) + '\n') });
  }
  await writeFile(CHROME_ZIP, await zipDir(CHROME_DIR));
  await writeFile(FIREFOX_ZIP, await zipDir(FIREFOX_DIR));
  console.log(`bundle-extension: dist/chrome, dist/firefox, dist/firefox-test and zips in ${Math.round(performance.now() - started)} ms`);
}

async function writeTree(dir: string, files: Record<string, Uint8Array>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

async function zipDir(dir: string): Promise<Uint8Array> {
  const tree: Zippable = {};
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(path.join(dir, rel))).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      if ((await stat(path.join(dir, child))).isDirectory()) await walk(child);
      // A fixed date keeps the zip identical across builds of the same inputs.
      else tree[child] = [new Uint8Array(await readFile(path.join(dir, child))), { mtime: new Date('2020-01-01T00:00:00Z') }];
    }
  };
  await walk('');
  return zipSync(tree, { level: 9 });
}

/**
 * The toolbar icon, drawn at build time so no binary sits in the repo: a
 * rounded navy square with a white "F" and a small red dot (the "copy" mark).
 */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const radius = size * 0.2;
  const inRoundedSquare = (x: number, y: number): boolean => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const u = size / 16; // drawing unit: the glyph is designed on a 16×16 grid
  const inF = (x: number, y: number): boolean =>
    (x >= 4 * u && x < 6.5 * u && y >= 3 * u && y < 13 * u) || // stem
    (x >= 4 * u && x < 12 * u && y >= 3 * u && y < 5.5 * u) || // top bar
    (x >= 4 * u && x < 10 * u && y >= 7 * u && y < 9.5 * u); // middle bar
  const inDot = (x: number, y: number): boolean => (x - 11.5 * u) ** 2 + (y - 11.5 * u) ** 2 <= (1.8 * u) ** 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const at = (y * size + x) * 4;
      if (!inRoundedSquare(px, py)) continue; // transparent
      const [r, g, b] = inF(px, py) ? [255, 255, 255] : inDot(px, py) ? [230, 80, 70] : [27, 79, 114];
      pixels.set([r, g, b, 255], at);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Minimal PNG (RFC 2083): 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  const chunk = (type: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + body.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, body.length);
    out.set(strToU8(type), 4);
    out.set(body, 8);
    dv.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
    return out;
  };
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
