/**
 * The page address a report carries. By default it is cut to what identifies the article: the
 * fragment goes (it is the reader's place on the page), and so do parameters that only say how the
 * reader arrived (campaign tags, click ids, newsletter ids). Parameters that may pick the article
 * (`id`, `p`, `story`…) stay, since some sites address articles by them. The reader may keep the
 * full address instead (Options).
 */

/** Tracking parameters dropped by name (lowercase). */
const TRACKING_NAMES: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_ga', '_gl', 'cmpid', 'ocid', 'icid', 'ncid', 'cid_source',
  '_hsenc', '_hsmi', 'mkt_tok', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'rb_clickid',
  's_cid', 'wt_mc', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
  'smid', 'smtyp', 'sr_share', 'fb_ref', 'fb_source', 'ref_src', 'ref_url', 'xtor',
]);

/** Tracking parameters dropped by prefix (lowercase): `utm_source`, `utm_campaign`, `pk_kwd`, `hsa_acc`… */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_', 'matomo_', 'piwik_'];

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The address as a report carries it: without fragment and tracking parameters, unless `keepFull`.
 * Other parameters keep their order and spelling. A string that is not an absolute URL is left as it
 * is (a report never fails over its address).
 */
export function reportUrl(address: string, keepFull = false): string {
  if (keepFull) return address;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  url.hash = '';
  if (url.search !== '') {
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParameter(decodeName(pair.split('=')[0]!)));
    url.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  }
  return url.href;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}
