/**
 * Decides whether an e2e file runs. A missing browser skips the file with a clear
 * message on a developer's machine, but under CI=true it is a failure: CI installs
 * both browsers, so their absence means the pipeline is broken, not that e2e is optional.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.js';

export const IS_CI = process.env.CI === 'true';

export interface BrowserGate {
  /** Human name, for messages. */
  name: string;
  /** The executable found, or null. */
  executable: string | null;
  /** True when the file's tests should be registered as skipped. */
  skip: boolean;
}

function firstExisting(candidates: readonly (string | undefined)[]): string | null {
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

function gate(name: string, envVar: string, candidates: readonly string[]): BrowserGate {
  // An explicit path wins: pointing it at nothing is how to check the skip (and the CI failure) on a machine that has the browser.
  const fromEnv = process.env[envVar];
  const looked = fromEnv ? [fromEnv] : candidates;
  const executable = firstExisting(looked);
  const skip = executable === null && !IS_CI;
  if (skip) {
    console.warn(
      `[e2e] SKIPPED: ${name} not found (looked at ${looked.join(', ')}; set ${envVar} to point at it). ` +
        'Install it (Debian: apt-get install chromium firefox-esr) to run the real-browser tests.',
    );
  }
  return { name, executable, skip };
}

/** Debian's Chromium; `CHROMIUM_PATH` overrides. */
export function chromiumGate(): BrowserGate {
  return gate('Chromium', 'CHROMIUM_PATH', ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser']);
}

/** Debian's Firefox ESR; `FIREFOX_PATH` overrides. */
export function firefoxGate(): BrowserGate {
  return gate('Firefox', 'FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

/**
 * The executable, or a failure that says why (only reached when the gate did not skip,
 * i.e. under CI=true with no browser).
 */
export function requireExecutable(browserGate: BrowserGate): string {
  if (browserGate.executable === null) {
    throw new Error(`[e2e] CI=true but ${browserGate.name} is not installed: .ci/run must apt-get install it before the tests (or fix CHROMIUM_PATH / FIREFOX_PATH).`);
  }
  return browserGate.executable;
}

/** Fails with a clear message when the build output the tests load is missing. */
export function requireBuild(dir: string, what: string): string {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`[e2e] ${what} not found at ${path.relative(ROOT, dir)}/manifest.json: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}
