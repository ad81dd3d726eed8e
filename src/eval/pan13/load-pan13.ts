/**
 * PAN13 text-alignment training corpus, "02-no-obfuscation" subset (see its SOURCE.md): 500
 * labelled (suspicious, source) pairs over 153 suspicious and 478 source documents, verbatim
 * reuse; the stated offsets drift (non-ASCII characters were stripped), so passages are relocated
 * before scoring (relocate-passages.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../clough/load-clough.js';
import { decodeText } from '../decode-text.js';

export const PAN13_DATASET = 'pan13-text-alignment-subset';

/**
 * Development part: suspicious documents whose number is divisible by 3 (about a third); test
 * part: the others. Split by suspicious document, so a document's passages are all on one side;
 * the corpus of 478 sources is the same for both.
 */
export function pan13Split(suspiciousFile: string): Split {
  const n = Number(/(\d+)/.exec(suspiciousFile)?.[1] ?? Number.NaN);
  if (!Number.isInteger(n)) throw new Error(`no document number in ${suspiciousFile}`);
  return n % 3 === 0 ? 'dev' : 'test';
}
export const PAN13_SPLIT_RULE = 'suspicious-document number divisible by 3';

/** One labelled passage as the XML states it (characters; offsets known to drift). */
export interface Pan13Feature {
  readonly source: string;
  readonly thisOffset: number;
  readonly thisLength: number;
  readonly sourceOffset: number;
  readonly sourceLength: number;
}

export interface Pan13Suspicious {
  readonly file: string;
  readonly text: string;
  readonly split: Split;
  /** The sources labelled for this document (from `pairs`), each with its passages. */
  readonly labelled: ReadonlyMap<string, readonly Pan13Feature[]>;
}

export interface Pan13Data {
  readonly suspicious: readonly Pan13Suspicious[];
  readonly sources: ReadonlyMap<string, string>;
}

const FEATURE_RE = /<feature\b([^>]*)\/?>/g;
const ATTR_RE = /(\w+)="([^"]*)"/g;

/** The plagiarism features of one truth XML file. */
export function parseTruthXml(xml: string): Pan13Feature[] {
  const out: Pan13Feature[] = [];
  for (const m of xml.matchAll(FEATURE_RE)) {
    const attrs = new Map([...(m[1] ?? '').matchAll(ATTR_RE)].map((a) => [a[1]!, a[2]!]));
    if (attrs.get('name') !== 'plagiarism') continue;
    const num = (key: string) => {
      const v = Number(attrs.get(key));
      if (!Number.isInteger(v) || v < 0) throw new Error(`feature without a valid ${key}: ${m[0]}`);
      return v;
    };
    const source = attrs.get('source_reference');
    if (!source) throw new Error(`feature without source_reference: ${m[0]}`);
    out.push({
      source,
      thisOffset: num('this_offset'),
      thisLength: num('this_length'),
      sourceOffset: num('source_offset'),
      sourceLength: num('source_length'),
    });
  }
  return out;
}

export function loadPan13(dir: string): Pan13Data {
  const truthDir = path.join(dir, '02-no-obfuscation');
  const read = (file: string) => decodeText(readFileSync(file)).text;
  const pairs = readFileSync(path.join(truthDir, 'pairs'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const [susp, src] = l.trim().split(/\s+/);
      if (!susp || !src) throw new Error(`bad pairs line: ${l}`);
      return { susp, src };
    });
  const labelled = new Map<string, Map<string, Pan13Feature[]>>();
  const sources = new Map<string, string>();
  for (const { susp, src } of pairs) {
    const xml = read(path.join(truthDir, `${susp.replace(/\.txt$/, '')}-${src.replace(/\.txt$/, '')}.xml`));
    const features = parseTruthXml(xml).filter((f) => f.source === src);
    const bySource = labelled.get(susp) ?? new Map<string, Pan13Feature[]>();
    bySource.set(src, [...(bySource.get(src) ?? []), ...features]);
    labelled.set(susp, bySource);
    if (!sources.has(src)) sources.set(src, read(path.join(dir, 'final_txt_files', src)));
  }
  const suspicious = [...labelled.keys()].sort().map((file) => ({
    file,
    text: read(path.join(dir, 'susp', file)),
    split: pan13Split(file),
    labelled: labelled.get(file)!,
  }));
  return { suspicious, sources };
}
