/**
 * Hostile and mutated pages for the fuzz harness, each made from a case's PRNG alone. The kinds
 * follow issue 15: deep nesting, many elements, huge pages, malformed and truncated markup, binary
 * data, wrong or lying encodings, terminal escape sequences, runs of punctuation and initials, and
 * seed pages mutated byte by byte or structurally.
 */
import type { Prng } from './prng.js';

export interface FuzzPage {
  readonly kind: string;
  /** The file name the CLI would see: its extension decides HTML or text. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * A mutation that keeps the page the same story (markup wrapped around it, whitespace changed):
   * the verdict must stay the seed's, or the answer is wrong.
   */
  readonly expect?: { status: string; likelyOriginal: string | null };
}

export interface SeedMaterial {
  /** Seed article texts, by id prefix ("000" … "004"). */
  readonly texts: ReadonlyMap<string, string>;
  /** The ids the seeds corpus gives them. */
  readonly ids: ReadonlyMap<string, string>;
  /** HTML fixture pages (test/fixtures/pages). */
  readonly htmlPages: readonly string[];
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const PARAGRAPH = 'The council met again on Tuesday to discuss the budget for the coming year, and the mayor said the vote would wait until spring.';
const ESCAPES = ['\x1b[2J', '\x1b]0;owned\x07', '\x1b[31m', '\x1b]52;c;cHduZWQ=\x07', '\x9b1m', '\x07', '\x08', '\u202e', '\x1bP+q\x1b\\', '\r'];
const CHARSETS = ['utf-8', 'utf-16le', 'utf-16be', 'UTF-16', 'windows-1251', 'iso-8859-1', 'latin1', 'shift_jis', 'gb18030', 'x-user-defined', 'koi8-r', 'no-such-charset', 'iso-2022-kr', ''];

function doc(body: string, head = '<title>Budget</title>'): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

function article(prng: Prng, paragraphs = prng.int(3, 12)): string {
  return `<article><h1>Budget vote delayed</h1>${`<p>${PARAGRAPH}</p>`.repeat(paragraphs)}</article>`;
}

type Generator = (prng: Prng, seeds: SeedMaterial) => FuzzPage;

const html = (kind: string, text: string, expect?: FuzzPage['expect']): FuzzPage => ({ kind, name: `${kind}.html`, bytes: utf8(text), ...(expect ? { expect } : {}) });

const generators: Record<string, Generator> = {
  'deep-nesting': (prng) => {
    const depth = prng.size(10, 30_000);
    const tag = prng.pick(['div', 'span', 'section', 'b', 'p', 'li', 'table']);
    return html('deep-nesting', doc(`<${tag}>`.repeat(depth) + article(prng) + (prng.chance(0.5) ? `</${tag}>`.repeat(depth) : '')));
  },
  'many-elements': (prng) => {
    const count = prng.size(100, 1_200_000);
    const element = prng.pick(['<p>a</p>', '<br>', '<i></i>', '<p>', '<a href=#>x</a>', '<div><span>x</span></div>']);
    return html('many-elements', doc(`<article>${element.repeat(count)}<p>${PARAGRAPH}</p></article>`));
  },
  'huge-text': (prng) => {
    const bytes = prng.size(10_000, 20_000_000);
    const paragraph = `<p>${PARAGRAPH.repeat(prng.int(1, 40))}</p>`;
    return html('huge-text', doc(`<article>${paragraph.repeat(Math.ceil(bytes / paragraph.length))}</article>`));
  },
  'huge-script': (prng) => html('huge-script', doc(article(prng), `<title>x</title><script>${'var a="<b>";'.repeat(prng.size(1_000, 1_000_000))}</script>`)),
  truncated: (prng, seeds) => {
    const page = prng.pick(seeds.htmlPages);
    return html('truncated', page.slice(0, prng.int(0, page.length)));
  },
  'doctype-only': (prng) => html('doctype-only', prng.pick(['<!doctype html>', '<!DOCTYPE html>\n<htm', '<!DOCTYPE html><html><he', '<!doctype', '<html', '<!---->', '<![CDATA[', ' \n\t'])),
  'malformed-markup': (prng) => {
    const pieces = ['<', '>', '</', '<p', '<div class="', '"', '<!--', '-->', '<script>', '</script>', '<style>', '<![CDATA[', '&', '&#', '&#x110000;', '&amp', '<svg><foreignObject>', '<template>', '<table><tr><td>', '<math>', PARAGRAPH, ' ', '\n'];
    let out = '';
    for (let i = prng.size(5, 5_000); i > 0; i--) out += prng.pick(pieces);
    return html('malformed-markup', out);
  },
  binary: (prng) => ({ kind: 'binary', name: prng.pick(['page.html', 'page.txt', 'page']), bytes: prng.bytes(prng.size(1, 200_000)) }),
  'wrong-encoding': (prng) => {
    const charset = prng.pick(CHARSETS);
    const head = utf8(`<!doctype html><html><head><meta charset="${charset}"><title>Budget</title></head><body><article><h1>Budget</h1>`);
    const body = new Uint8Array(prng.size(100, 50_000));
    for (let i = 0; i < body.length; i++) body[i] = prng.chance(0.95) ? 0x61 + (i % 26) : prng.int(0x80, 0xff);
    const tail = utf8(`<p>${PARAGRAPH.repeat(8)}</p></article></body></html>`);
    const bom = prng.pick([[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]);
    return { kind: 'wrong-encoding', name: 'encoded.html', bytes: Uint8Array.from([...bom, ...head, ...body, ...tail]) };
  },
  'escape-sequences': (prng, seeds) => {
    const text = seeds.texts.get('001')!;
    const escaped = text.replace(/ /g, (space) => (prng.chance(0.02) ? prng.pick(ESCAPES) : space));
    return { kind: 'escape-sequences', name: prng.pick(['escapes.txt', 'escapes.html']), bytes: utf8(prng.pick(ESCAPES) + escaped) };
  },
  'punctuation-runs': (prng) => {
    const run = prng.pick(['.', '!', '?', '\n', '. ', '…', 'U.S.', 'a.b.', '"', '—', '\u00a0']).repeat(prng.size(10, 60_000));
    return { kind: 'punctuation-runs', name: prng.pick(['runs.txt', 'runs.html']), bytes: utf8(`${PARAGRAPH}\n${run}x1 ${PARAGRAPH}`) };
  },
  'mutated-seed-bytes': (prng, seeds) => {
    const bytes = utf8(prng.chance(0.5) ? seeds.texts.get(prng.pick([...seeds.texts.keys()]))! : prng.pick(seeds.htmlPages));
    for (let i = prng.size(1, 200); i > 0; i--) {
      const at = prng.int(0, bytes.length - 1);
      bytes[at] = prng.chance(0.5) ? bytes[at]! ^ (1 << prng.int(0, 7)) : prng.int(0, 255);
    }
    return { kind: 'mutated-seed-bytes', name: prng.pick(['seed.txt', 'seed.html']), bytes };
  },
  'mutated-seed-structure': (prng, seeds) => {
    const paragraphs = seeds.texts.get(prng.pick([...seeds.texts.keys()]))!.split(/\n\s*\n/);
    const edits = prng.size(1, 50);
    for (let i = 0; i < edits; i++) {
      const at = prng.int(0, paragraphs.length - 1);
      const op = prng.int(0, 3);
      if (op === 0) paragraphs.splice(at, 1);
      else if (op === 1) paragraphs.splice(at, 0, paragraphs[prng.int(0, paragraphs.length - 1)] ?? '');
      else if (op === 2) paragraphs[at] = (paragraphs[at] ?? '').split(' ').reverse().join(' ');
      else paragraphs.splice(at, 0, '<'.repeat(prng.int(1, 9)) + PARAGRAPH);
    }
    return { kind: 'mutated-seed-structure', name: 'restructured.txt', bytes: utf8(paragraphs.join('\n\n')) };
  },
  // The one kind with an oracle: seed 001 (a spun copy of 000) wrapped in markup or re-spaced is still a copy of 000.
  'benign-seed-copy': (prng, seeds) => {
    const text = seeds.texts.get('001')!;
    const expect = { status: 'copy', likelyOriginal: seeds.ids.get('000')! };
    const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    if (prng.chance(0.5)) {
      const respaced = paragraphs.map((p) => p.replace(/ /g, () => prng.pick([' ', '  ', ' \t', '\u00a0']))).join(prng.pick(['\n\n', '\r\n\r\n', '\n \n']));
      return { kind: 'benign-seed-copy', name: 'copy.txt', bytes: utf8(respaced), expect };
    }
    const wrap = prng.pick(['div', 'section', 'main', 'article']);
    const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = `<${wrap}><h1>${escape(paragraphs[0]!)}</h1>${paragraphs.slice(1).map((p) => `<p>${escape(p)}</p>`).join('\n')}</${wrap}>`;
    const noise = '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'.repeat(prng.int(0, 5));
    return html('benign-seed-copy', doc(`${noise}${body}<footer>© News</footer>`), expect);
  },
};

export const PAGE_KINDS = Object.keys(generators);

export function hostilePage(prng: Prng, seeds: SeedMaterial, kind = prng.pick(PAGE_KINDS)): FuzzPage {
  return generators[kind]!(prng, seeds);
}
