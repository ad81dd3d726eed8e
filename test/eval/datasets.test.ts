/** The loaders against the real datasets in ../shared/eval (skipped when absent, required under CI). */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/eval/decode-text.js';
import { CLOUGH_DATASET, loadClough } from '../../src/eval/clough/load-clough.js';
import { loadPan13, PAN13_DATASET, pan13Split } from '../../src/eval/pan13/load-pan13.js';
import { relocatePassages } from '../../src/eval/pan13/relocate-passages.js';
import { loadPan25, PAN25_DATASET } from '../../src/eval/pan25/load-pan25.js';
import { locateDataset } from '../../src/eval/shared-data.js';
import { containment, wordSeq } from '../../src/eval/word-shingles.js';

describe('decodeText', () => {
  it('keeps valid UTF-8 and falls back to Windows-1252', () => {
    expect(decodeText(new TextEncoder().encode('it’s'))).toEqual({ text: 'it’s', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x69, 0x74, 0x92, 0x73]))).toEqual({ text: 'it’s', encoding: 'windows-1252' });
    // UTF-8 that carries Windows-1252 bytes as C1 controls (converted as Latin-1)
    expect(decodeText(new TextEncoder().encode('\u0091Greedy\u0092')).text).toBe('‘Greedy’');
  });
});

const clough = locateDataset(CLOUGH_DATASET);
describe.skipIf('skip' in clough)('Clough & Stevenson loader', () => {
  const data = 'dir' in clough ? loadClough(clough.dir) : { answers: [], sources: [] };
  it('has the 95 answers in the published proportions and the five sources', () => {
    const count = (c: string) => data.answers.filter((a) => a.category === c).length;
    expect([data.answers.length, count('non'), count('cut'), count('light'), count('heavy')]).toEqual([95, 38, 19, 19, 19]);
    expect(data.sources.map((s) => s.id)).toEqual(['orig_taska', 'orig_taskb', 'orig_taskc', 'orig_taskd', 'orig_taske']);
  });
  it('decodes exactly the 17 Windows-1252 answers SOURCE.md lists, without replacement characters', () => {
    const cp1252 = data.answers.filter((a) => a.encoding === 'windows-1252').map((a) => a.file.replace('.txt', ''));
    expect(cp1252).toEqual([
      'g1pB_taska', 'g1pB_taskb', 'g1pB_taskd', 'g2pA_taska', 'g2pA_taskb', 'g2pB_taska', 'g2pB_taskb', 'g2pB_taskc',
      'g3pA_taska', 'g4pB_taskb', 'g4pB_taskd', 'g4pB_taske', 'g4pD_taskd', 'g4pD_taske', 'g4pE_taskb', 'g4pE_taskc', 'g4pE_taskd',
    ]);
    // no replacement characters and no C1 controls (what a Latin-1 decoder leaves for ’ “ ”)
    expect(data.answers.filter((a) => /[\uFFFD\u0080-\u009F]/.test(a.text)).map((a) => a.file)).toEqual([]);
  });
  it('splits by task: a and b for development', () => {
    expect(new Set(data.answers.filter((a) => a.split === 'dev').map((a) => a.task))).toEqual(new Set(['a', 'b']));
  });
});

const pan25 = locateDataset(PAN25_DATASET);
describe.skipIf('skip' in pan25)('PAN25 loader', () => {
  it('reads the five pairs with their paragraph-level truth', () => {
    const pairs = 'dir' in pan25 ? loadPan25(pan25.dir) : [];
    expect(pairs.map((p) => p.pair)).toEqual(['000004', '000005', '000013', '000038', '000061']);
    const reused = pairs.flatMap((p) => p.candidates).filter((c) => c.sourceParagraphId);
    expect(reused).toHaveLength(136 + 26 + 23);
    const pair38 = pairs.find((p) => p.pair === '000038')!;
    expect(pair38.candidates.filter((c) => c.label === 'altered')).toHaveLength(77);
  });
});

const pan13 = locateDataset(PAN13_DATASET);
describe.skipIf('skip' in pan13)('PAN13 loader and passage relocation', () => {
  const data = 'dir' in pan13 ? loadPan13(pan13.dir) : { suspicious: [], sources: new Map<string, string>() };
  it('reads 500 pairs, 624 passages, 153 suspicious and 478 source documents', () => {
    expect(data.suspicious).toHaveLength(153);
    expect(data.sources.size).toBe(478);
    const pairs = data.suspicious.reduce((n, s) => n + s.labelled.size, 0);
    const passages = data.suspicious.reduce((n, s) => n + [...s.labelled.values()].reduce((m, f) => m + f.length, 0), 0);
    expect([pairs, passages]).toEqual([500, 624]);
  });
  it('relocates every passage to text the source really contains, close to its stated length', () => {
    const ratios: number[] = [];
    const shares: number[] = [];
    for (const s of data.suspicious) {
      const seq = wordSeq(s.text);
      for (const [source, features] of s.labelled) {
        const sourceText = data.sources.get(source)!;
        for (const p of relocatePassages(seq, wordSeq(sourceText), features)) {
          expect(p.page, `${s.file} ← ${source}`).not.toBeNull();
          // verbatim reuse: the relocated text's word 4-grams are (nearly all) in the source
          const shared = containment(wordSeq(s.text.slice(p.page![0], p.page![1])).words, wordSeq(sourceText).words, 4);
          expect(shared, `${s.file} ← ${source}`).toBeGreaterThan(0.5);
          shares.push(shared);
          ratios.push((p.page![1] - p.page![0]) / p.feature.thisLength);
        }
      }
    }
    const close = ratios.filter((r) => r > 0.9 && r < 1.1).length;
    expect(close / ratios.length).toBeGreaterThan(0.95);
    expect(shares.filter((x) => x > 0.8).length / shares.length).toBeGreaterThan(0.99);
  });
  it('splits by suspicious-document number', () => {
    expect(pan13Split('suspicious-document00021.txt')).toBe('dev');
    expect(pan13Split('suspicious-document00005.txt')).toBe('test');
  });
});
