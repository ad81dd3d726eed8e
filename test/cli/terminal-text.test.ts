/** Issue 15 item 11: page text printed for a human never carries terminal controls. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableLine } from '../../src/cli/terminal-text.js';

const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it('removes whole escape sequences, not just their ESC byte', () => {
    expect(printable('a\x1b[31mred\x1b[0m b')).toBe('ared b');
    expect(printable('title\x1b]0;owned\x07 end')).toBe('title end');
    expect(printable('clip\x1b]52;c;cHduZWQ=\x1b\\ end')).toBe('clip end');
    expect(printable('c1\x9b2J end')).toBe('c1 end');
  });

  it('keeps words, tabs and line breaks; a line has neither', () => {
    expect(printable('Kyiv’s “call”\r\n\tnext')).toBe('Kyiv’s “call”\n\tnext');
    expect(printableLine('one\ntwo\tthree')).toBe('one two three');
  });

  it('leaves no control character in any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expect(printable(text)).not.toMatch(CONTROLS);
      expect(printableLine(text)).not.toMatch(/[\n\t]/);
    }), { seed: 15, numRuns: 500 });
  });
});
