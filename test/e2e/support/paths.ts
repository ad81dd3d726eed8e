/** Where the e2e suite finds the build, the fixtures and where it writes its screenshots. */
import path from 'node:path';
import { CHROME_DIR, FIREFOX_DIR, FIREFOX_TEST_DIR, ROOT } from '../../../src/build/paths.js';

export { CLI_FILE, DIST, ROOT, SEEDS_DIR } from '../../../src/build/paths.js';
export const CHROME_EXT_DIR = CHROME_DIR;
export const FIREFOX_EXT_DIR = FIREFOX_DIR;
export const FIREFOX_TEST_EXT_DIR = FIREFOX_TEST_DIR;
export const PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');
export const E2E_FIXTURES_DIR = path.join(ROOT, 'test/e2e/fixtures');
/** Run output (git-ignored). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test/e2e/artifacts');
/** Committed copies of the popup screenshots, for the README. */
export const SCREENSHOTS_DIR = path.join(ROOT, 'test/e2e/screenshots');
/** Set by `npm run screenshots`: only then do e2e tests overwrite the README's screenshots. */
export const REFRESH_README_SCREENSHOTS = process.env['FIRSTHAND_README_SCREENSHOTS'] === '1';
/** Read-only team material; absent in a user's fresh clone. */
export { SHARED_DIR } from '../../../src/eval/shared-data.js';
