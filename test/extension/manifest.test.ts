import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { drawIcon, manifestFor } from '../../src/build/bundle-extension.js';
import { ROOT } from '../../src/build/paths.js';

const source = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));

test('the shipped manifest asks for the fewest permissions: no hosts, no content scripts', () => {
  expect(source.manifest_version).toBe(3);
  // offscreen: Chrome's document that keeps the engine loaded between checks; it shows the reader no warning.
  expect([...source.permissions].sort()).toEqual(['activeTab', 'alarms', 'offscreen', 'scripting', 'storage']);
  expect(source.host_permissions).toBeUndefined();
  expect(source.content_scripts).toBeUndefined();
  expect(source.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*']);
  const csp: string = source.content_security_policy.extension_pages;
  expect(csp).toMatch(/script-src 'self';/);
  expect(csp).not.toMatch(/unsafe-(eval|inline)|wasm/);
  expect(source.browser_specific_settings.gecko).toEqual({
    id: 'firsthand@firsthand.example',
    strict_min_version: '142.0',
    data_collection_permissions: { required: ['none'] },
  });
});

test('each browser gets only the keys it reads; only the test build has a host permission', () => {
  const chrome = manifestFor(source, 'chrome', '1.2.3');
  const firefox = manifestFor(source, 'firefox', '1.2.3');
  const firefoxTest = manifestFor(source, 'firefox-test', '1.2.3');
  expect(chrome.background).toEqual({ service_worker: 'background.js' });
  expect(chrome.browser_specific_settings).toBeUndefined();
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  expect(firefox.minimum_chrome_version).toBeUndefined();
  for (const m of [chrome, firefox, firefoxTest]) expect(m.version).toBe('1.2.3');
  expect(chrome.host_permissions).toBeUndefined();
  expect(firefox.host_permissions).toBeUndefined();
  expect(firefoxTest.host_permissions).toEqual(['http://127.0.0.1/*']);
  // Firefox has no offscreen documents: it would only warn about the permission.
  expect(chrome.permissions).toContain('offscreen');
  for (const m of [firefox, firefoxTest]) expect(m.permissions).not.toContain('offscreen');
  expect(source.background.service_worker).toBe('background.js'); // the source is not mutated
});

test.each([16, 32, 48, 128])('the %dpx icon is a valid RGBA PNG of that size with see-through corners', (size) => {
  const png = drawIcon(size);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset);
  expect(view.getUint32(16)).toBe(size);
  expect(view.getUint32(20)).toBe(size);
  const idatLength = view.getUint32(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  expect(raw.length).toBe(size * (size * 4 + 1));
  expect(raw[1 + 3]).toBe(0); // top-left pixel alpha: transparent corner
  const mid = (size / 2) * (size * 4 + 1) + 1 + (size / 2) * 4;
  expect(raw[mid + 3]).toBe(255); // centre: opaque
});
