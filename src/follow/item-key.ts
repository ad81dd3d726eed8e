/**
 * When two feed item addresses are the same article. The engine's addressKey ignores the whole
 * query, which is right for telling a page from the corpus article it claims to be, but some sites
 * number their articles in it (`story.php?id=123`): following keeps the query, less the tracking
 * parameters feeds append (`utm_*`, `at_medium`, …), so those two are two articles and
 * `?utm_source=rss` is not a third.
 */
import { addressKey } from '../engine/index.js';

const TRACKING = /^(?:utm_.*|at_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|cmp|icid|ito|ns_.*|rss|ref|src|source|smid|partner|feature|mod)$/i;

export function itemKey(url: string): string {
  const base = addressKey(url) ?? url;
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return base;
  }
  const kept = [...params].filter(([name]) => !TRACKING.test(name)).sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  return kept.length === 0 ? base : `${base}?${new URLSearchParams(kept).toString()}`;
}
