/**
 * The extension as it ships: Mozilla's linter finds no error in the Firefox
 * build, and neither build asks for more than activeTab, scripting, storage
 * and alarms (and Chrome's offscreen, which shows the reader no warning).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROME_DIR, FIREFOX_DIR, ROOT } from '../../src/build/paths.js';

const WEB_EXT = path.join(ROOT, 'node_modules/.bin/web-ext');

describe('the shipped extension', () => {
  test('web-ext lint reports no errors on dist/firefox', () => {
    expect(existsSync(path.join(FIREFOX_DIR, 'manifest.json')), 'run `npm run build` first').toBe(true);
    const run = spawnSync(WEB_EXT, ['lint', '--source-dir', FIREFOX_DIR, '--output=json', '--no-config-discovery'], { encoding: 'utf8', timeout: 120_000 });
    const report = JSON.parse(run.stdout) as { errors: Array<{ code: string; message: string }>; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  test.each([
    ['chrome', CHROME_DIR, ['activeTab', 'alarms', 'offscreen', 'scripting', 'storage']],
    ['firefox', FIREFOX_DIR, ['activeTab', 'alarms', 'scripting', 'storage']],
  ])('%s: the fewest permissions, no host access, no content scripts', (_, dir, permissions) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions as string[])].sort()).toEqual(permissions);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});
