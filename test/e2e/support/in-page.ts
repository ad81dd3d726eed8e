/**
 * Turns a function plus JSON arguments into an expression string for `page.evaluate`.
 * Under tsx (the benchmark runner) esbuild's keepNames wraps inner named functions in
 * `__name(...)`, a helper that exists only in the Node bundle; the wrapper supplies a
 * no-op one so the same in-browser functions work from vitest and from tsx.
 */
export function inPage<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  const json = args.map((arg) => JSON.stringify(arg)).join(', ');
  return `((__name) => (${fn.toString()})(${json}))((f) => f)`;
}
