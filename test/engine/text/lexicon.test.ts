import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeLexicon, loadLexicon, LexiconFormatError, LEXICON_FORMAT_VERSION } from '../../../src/engine/text/lexicon.js';

/** What `related` must answer for a class list, computed the slow obvious way. */
function referenceRelated(classes: readonly (readonly string[])[], a: string, b: string): boolean {
  return classes.some((c) => new Set(c).size >= 2 && c.includes(a) && c.includes(b));
}

const SAMPLE = [
  ['talk', 'speak'],
  ['harsh', 'sever', 'rough'],
  ['ukrain', 'ukrainian'],
  ['zürich', 'zurich'],
  ['москва', 'moskva'],
  ['\u{1F600}', 'smile', '\uE000'],
  ['lonely'],
  ['echo', 'echo'],
];

describe('encodeLexicon / loadLexicon', () => {
  it('round-trips classes: related is true exactly for terms that share a class', () => {
    const lexicon = loadLexicon(encodeLexicon(SAMPLE));
    const terms = [...new Set(SAMPLE.flat()), 'unknown', 'talks', ''];
    for (const a of terms) {
      for (const b of terms) {
        const expected = a === b ? SAMPLE.some((c) => new Set(c).size >= 2 && c.includes(a)) : referenceRelated(SAMPLE, a, b);
        expect(lexicon.related(a, b), `${a}~${b}`).toBe(expected);
      }
    }
    // Single-term classes relate nothing and are not stored.
    expect(lexicon.size).toBe(new Set(SAMPLE.filter((c) => new Set(c).size >= 2).flat()).size);
    expect(lexicon.classCount).toBe(6);
  });

  it('agrees with the reference on random class lists (any Unicode, shared terms, symmetric)', () => {
    const term = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 5 }), { maxLength: 30 }), fc.array(term, { maxLength: 10 }), (classes, probes) => {
        const lexicon = loadLexicon(encodeLexicon(classes));
        const terms = [...new Set([...classes.flat(), ...probes])];
        for (const a of terms) {
          for (const b of terms) {
            if (a === b) continue;
            const r = lexicon.related(a, b);
            if (r !== referenceRelated(classes, a, b) || r !== lexicon.related(b, a)) return false;
            // The aligner asks by rows: a row for exactly the known terms, and the same answers.
            const [ra, rb] = [lexicon.rowOf(a), lexicon.rowOf(b)];
            if ((ra >= 0) !== lexicon.classesOf(a).length > 0 || ra >= lexicon.size || ra === rb && ra >= 0) return false;
            if (ra >= 0 && rb >= 0 && lexicon.relatedRows(ra, rb) !== r) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('loads from a view at an odd byte offset (a slice of a larger buffer)', () => {
    const bytes = encodeLexicon(SAMPLE);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 1);
    const lexicon = loadLexicon(padded.subarray(1, 1 + bytes.length));
    expect(lexicon.related('sever', 'rough')).toBe(true);
    expect(lexicon.related('sever', 'talk')).toBe(false);
  });

  it('encodes an empty lexicon that loads and knows nothing', () => {
    const lexicon = loadLexicon(encodeLexicon([]));
    expect(lexicon.size).toBe(0);
    expect(lexicon.related('a', 'a')).toBe(false);
  });

  it('stores class ids ascending per term (the merge walk relies on it)', () => {
    const lexicon = loadLexicon(encodeLexicon([['a1', 'x'], ['b1', 'y'], ['x', 'y'], ['x', 'z']]));
    expect([...lexicon.classesOf('x')]).toEqual([0, 2, 3]);
    expect([...lexicon.classesOf('nothing')]).toEqual([]);
  });
});

describe('loadLexicon on damaged bytes', () => {
  const good = encodeLexicon(SAMPLE);
  const withWord = (offset: number, value: number): Uint8Array => {
    const copy = good.slice();
    new DataView(copy.buffer).setUint32(offset, value, true);
    return copy;
  };

  it.each([
    ['empty', new Uint8Array(0), /truncated/],
    ['truncated by one byte', good.subarray(0, good.length - 1), /truncated/],
    ['truncated to half', good.subarray(0, good.length >> 1), /truncated/],
    ['with a byte appended', Uint8Array.from([...good, 0]), /too long/],
    ['with a wrong magic number', withWord(0, 0x12345678), /bad magic/],
    ['from a newer format', withWord(4, LEXICON_FORMAT_VERSION + 1), /version/],
    ['text instead of a table', new TextEncoder().encode('{"talk":["speak"]} and more padding bytes here'), /bad magic/],
  ])('throws LexiconFormatError when %s', (_name, bytes, message) => {
    expect(() => loadLexicon(bytes)).toThrow(LexiconFormatError);
    expect(() => loadLexicon(bytes)).toThrow(message);
  });

  it('detects any single flipped byte after the header', () => {
    for (let at = 32; at < good.length; at += 7) {
      const copy = good.slice();
      copy[at] = copy[at]! ^ 0x40;
      expect(() => loadLexicon(copy), `byte ${at}`).toThrow(LexiconFormatError);
    }
  });

  it('rejects a structurally broken table even when the checksum was recomputed', () => {
    // Point the first term at a class id beyond classCount.
    const copy = good.slice();
    const view = new DataView(copy.buffer);
    const termCount = view.getUint32(8, true);
    const linksAt = 32 + 8 * (termCount + 1);
    view.setUint32(linksAt, 999, true);
    // Recompute FNV-1a the same way the encoder does, so only the structure check can catch it.
    let hash = 0x811c9dc5;
    for (let i = 32; i < copy.length; i++) hash = Math.imul(hash ^ copy[i]!, 0x01000193);
    view.setUint32(24, hash >>> 0, true);
    expect(() => loadLexicon(copy)).toThrow(/invalid class list/);
  });
});
