/**
 * Recognizes page furniture by its class and id names: sites name their share bars, caption spans,
 * newsletter boxes and related-story rails in words that say so.
 */

/** Single words (after splitting names on -, _, digits and camelCase) that mark furniture. */
const FURNITURE_WORDS = new Set([
  'caption', 'captions', 'credit', 'credits', 'byline', 'bylines', 'bio', 'dateline', 'timestamp',
  'share', 'sharing', 'sharebar', 'sharedaddy', 'social', 'newsletter', 'newsletters', 'signup',
  'subscribe', 'subscription', 'related', 'recommended', 'recommendations', 'trending', 'popular',
  'outbrain', 'taboola', 'promo', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'breadcrumb',
  'breadcrumbs', 'tags', 'comments', 'comment', 'rollover', 'disclaimer', 'copyright', 'submitted',
  'author', 'authors', 'sidebar', 'widget', 'toolbar',
]);

/** Word pairs that mark furniture where each word alone is too common. */
const FURNITURE_PAIRS = new Set(['read more', 'more stories', 'most read', 'also like', 'may like', 'more from', 'see also', 'sign up', 'follow us']);

/** Lower-case words of an element's class and id: "articleByline__bio" → ["article", "byline", "bio"]. */
export function classWords(el: Element): string[] {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

export function hasFurnitureName(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (FURNITURE_WORDS.has(word)) return true;
    if (i + 1 < words.length && FURNITURE_PAIRS.has(`${word} ${words[i + 1]}`)) return true;
  }
  return false;
}
