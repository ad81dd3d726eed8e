/**
 * Saving the endpoint with a fake permissions API (headless browsers cannot answer the prompt):
 * asked at once, inside the click; a dismissed, refused or failed request is "denied"; only a
 * grant lets waiting reports through at once.
 */
import { describe, expect, test, vi } from 'vitest';
import { endpointReachable, saveEndpoint, type PermissionsApi } from '../../src/extension/endpoint-settings.js';

function deps(request: PermissionsApi['request']) {
  const log: string[] = [];
  const permissions: PermissionsApi = {
    request: vi.fn((p) => {
      log.push(`request ${p.origins.join(' ')}`);
      return request(p);
    }),
    contains: vi.fn(async () => false),
  };
  return {
    log,
    permissions,
    setEndpoint: vi.fn(async (url: string | null) => {
      log.push(`set ${url}`);
      return { ok: true as const, endpoint: url };
    }),
    retryPending: vi.fn(async () => log.push('retry')),
  };
}

describe('saving the report endpoint', () => {
  test.each([
    ['dismissed (the browser answers false)', async () => false],
    ['refused with an error', async () => Promise.reject(new Error('Permission request rejected'))],
    ['throwing synchronously', () => {
      throw new Error('permissions.request may only be called from a user input handler');
    }],
  ])('a request %s is denied, the endpoint still saved, and nothing retried', async (_name, request) => {
    const d = deps(request as PermissionsApi['request']);
    const saved = await saveEndpoint(d, 'https://reports.example.org:8443/in');
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.endpoint).toBe('https://reports.example.org:8443/in');
    expect(await saved.permission).toBe('denied');
    await new Promise((r) => setTimeout(r, 0));
    expect(d.log).toEqual(['request https://reports.example.org/*', 'set https://reports.example.org:8443/in']);
  });

  test('the permission is asked before anything is awaited (the prompt needs the click), and a grant retries waiting reports', async () => {
    let grant: (yes: boolean) => void = () => undefined;
    const d = deps(() => new Promise((resolve) => (grant = resolve)));
    const saving = saveEndpoint(d, 'http://127.0.0.1:9000/reports');
    expect(d.log[0]).toBe('request http://127.0.0.1/*'); // synchronously, in the click's task, before the save
    const saved = await saving;
    if (!saved.ok) throw new Error(saved.message);
    grant(true);
    expect(await saved.permission).toBe('granted');
    await new Promise((r) => setTimeout(r, 0));
    expect(d.log).toEqual(['request http://127.0.0.1/*', 'set http://127.0.0.1:9000/reports', 'retry']);
  });

  test('an address refused by the checks asks nothing and stores nothing; an empty one clears without asking', async () => {
    const d = deps(async () => true);
    expect(await saveEndpoint(d, 'http://reports.example.org/in')).toMatchObject({ ok: false, message: /HTTPS/ });
    const cleared = await saveEndpoint(d, '  ');
    if (!cleared.ok) throw new Error(cleared.message);
    expect(await cleared.permission).toBe('not-needed');
    expect(d.log).toEqual(['set null']);
  });

  test('whether access is granted is asked of the browser for the endpoint\'s origin pattern', async () => {
    const contains = vi.fn(async (p: { origins: string[] }) => p.origins[0] === 'https://reports.example.org/*');
    const permissions = { request: vi.fn(), contains } as unknown as PermissionsApi;
    expect(await endpointReachable(permissions, 'https://reports.example.org/in')).toBe(true);
    expect(await endpointReachable(permissions, 'https://other.example/in')).toBe(false);
    expect(await endpointReachable({ ...permissions, contains: async () => Promise.reject(new Error('no')) }, 'https://reports.example.org/in')).toBe(false);
  });
});
