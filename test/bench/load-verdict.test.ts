/** The bench's load goal says which of its two readings met it, not only whether both did. */
import { describe, expect, test } from 'vitest';
import { loadVerdict } from '../../src/bench/report.js';

describe('the load goal (≤ 100 ms)', () => {
  test.each([
    [52, 307, "met on bytes in memory; not with the CLI's disk read"],
    [52, 90, 'met'],
    [140, 420, 'not met'],
    [70, undefined, 'met'],
    [undefined, undefined, 'not met'],
  ])('in memory %s ms, with the read %s ms: %s', (inMemory, withRead, verdict) => {
    expect(loadVerdict(inMemory, withRead)).toBe(verdict);
  });
});
