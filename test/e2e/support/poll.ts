/** Waiting on a browser without fixed sleeps: ask again until the answer is right or time runs out. */

export interface PollOptions {
  /** Give up after this many milliseconds. */
  timeoutMs?: number;
  /** Pause between attempts, milliseconds. */
  intervalMs?: number;
  /** Says what was awaited, for the error message. */
  what: string;
}

/**
 * Calls `probe` until it returns something other than `undefined` and returns that.
 * A probe that throws counts as "not yet" (pages navigate, frames detach); the last
 * error is quoted when time runs out, so a timeout still explains itself.
 */
export async function pollFor<T>(probe: () => Promise<T | undefined> | T | undefined, options: PollOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : lastError !== undefined ? `; last error: ${String(lastError)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
