/** Where the e2e suite finds the build, the fixtures and where it writes its screenshots. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(ROOT, 'dist');
export const CHROME_EXT_DIR = path.join(DIST, 'chrome');
export const FIREFOX_EXT_DIR = path.join(DIST, 'firefox');
/** The Firefox build plus a 127.0.0.1 host permission: a real toolbar click cannot be simulated there. */
export const FIREFOX_TEST_EXT_DIR = path.join(DIST, 'firefox-test');
export const CLI_FILE = path.join(DIST, 'cli.js');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');
export const E2E_FIXTURES_DIR = path.join(ROOT, 'test/e2e/fixtures');
/** Run output (git-ignored). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test/e2e/artifacts');
/** Committed copies of the popup screenshots, for the README. */
export const SCREENSHOTS_DIR = path.join(ROOT, 'test/e2e/screenshots');
/** Read-only team material; absent in a user's fresh clone. */
export const SHARED_DIR = path.resolve(ROOT, '../shared');
