/** The page address a report carries (15.14): tracking and fragment out, the article's own parameters in. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isTrackingParameter, reportUrl } from '../../src/extension/report-url.js';

test.each(['utm_source', 'UTM_MEDIUM', 'utm_whatever', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'igshid', '_ga', 'cmpid', 'msclkid', 'pk_kwd'])(
  '%s is tracking',
  (name) => expect(isTrackingParameter(name)).toBe(true),
);

test.each(['id', 'p', 'story', 'article', 'page', 'utm', 'ga', 'ref', 'q'])('%s is kept (it may pick the article)', (name) => {
  expect(isTrackingParameter(name)).toBe(false);
});

test('percent-encoded tracking names are recognised; what is not a URL is left as it is', () => {
  expect(reportUrl('https://n.example/a?utm%5Fsource=x&id=1')).toBe('https://n.example/a?id=1');
  expect(reportUrl('not a url#x')).toBe('not a url#x');
  expect(reportUrl('https://n.example/a?&&id=1&')).toBe('https://n.example/a?id=1');
});

test('cleaning keeps origin, path and the other parameters in order, drops every fragment and tracking parameter, and is idempotent (property)', () => {
  const name = fc.oneof(fc.constantFrom('utm_source', 'fbclid', 'gclid', '_ga', 'id', 'p', 'section'), fc.stringMatching(/^[a-z_]{1,8}$/));
  fc.assert(
    fc.property(
      fc.constantFrom('https://news.example/2026/05/story', 'http://127.0.0.1:8080/p', 'https://n.example/'),
      fc.array(fc.tuple(name, fc.string({ maxLength: 12 })), { maxLength: 8 }),
      fc.option(fc.string({ maxLength: 12 })),
      (base, params, fragment) => {
        const url = new URL(base);
        for (const [k, v] of params) url.searchParams.append(k, v);
        if (fragment !== null) url.hash = fragment;
        const cleaned = new URL(reportUrl(url.href));
        expect(cleaned.origin + cleaned.pathname).toBe(new URL(base).origin + new URL(base).pathname);
        expect(cleaned.hash).toBe('');
        expect([...cleaned.searchParams]).toEqual(params.filter(([k]) => !isTrackingParameter(k)));
        expect(reportUrl(cleaned.href)).toBe(cleaned.href);
        expect(reportUrl(url.href, true)).toBe(url.href);
      },
    ),
    { numRuns: 300 },
  );
});
