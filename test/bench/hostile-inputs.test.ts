/** The adversarial benchmark's inputs: each a text of exactly the size asked, the same every time. */
import { describe, expect, test } from 'vitest';
import { HOSTILE_INPUTS } from '../../src/bench/hostile-inputs.js';

describe('hostile inputs', () => {
  test.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))('%s: exactly N characters, deterministic', (_, input) => {
    for (const n of [1000, 10_000, 100_000]) {
      const text = input.make(n);
      expect(text.length).toBe(n);
      expect(input.make(n)).toBe(text);
    }
  });
});
