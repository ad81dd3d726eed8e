/**
 * How a function's running time grows with its input, for tests that hold a
 * stage to linear time. A ratio of two timings on the same machine, never an
 * absolute limit: at `factor` times the input a linear stage takes about
 * `factor` times as long, a quadratic one `factor²` times.
 */

/**
 * Milliseconds per call of `run`, repeated until `minMs` have passed; the least of `trials` such runs (noise
 * only adds time), fewer once a second has gone by, so that a stage that is slow fails its test soon.
 */
function msPerCall(run: () => void, minMs: number, trials: number): number {
  let best = Infinity;
  const begun = performance.now();
  for (let t = 0; t < trials && performance.now() - begun < 1000; t++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = performance.now() - started;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * Time of `stage` on `make(size * factor)` over its time on `make(size)`. The
 * inputs are made before timing; the small one is run first to warm the JIT.
 */
export function growthRatio<T>(stage: (input: T) => unknown, make: (size: number) => T, size: number, factor = 8): number {
  const small = make(size);
  const large = make(size * factor);
  stage(small);
  const smallMs = msPerCall(() => stage(small), 30, 5);
  const largeMs = msPerCall(() => stage(large), 30, 5);
  return largeMs / smallMs;
}

/** Generous bound on the ratio at 8× the input: linear gives about 8, quadratic 64. */
export const LINEAR_AT_8X = 20;
