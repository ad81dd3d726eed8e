/**
 * The news-page fixtures the e2e tests load, by file name in test/fixtures/pages
 * (served at /pages/<name>) or test/e2e/fixtures (served at /e2e/<name>).
 */
export const PAGES = {
  /** Seed 001, the machine-spun copy of 000, inside a WordPress autoblog template. */
  spunCopyOf000: 'wp-001.html',
  /** Seed 000 (Al Jazeera, the original) inside a news-site template. */
  original000: 'wire-000.html',
  /** A real-looking page with no article on it (a section front / listing). */
  noArticle: 'no-article.html',
  /** Seed 000, built by JavaScript after load: the served HTML holds no article text. */
  jsArticle: 'js-article.html',
  /** A single-page app: seed 004 first, then history.pushState to `?story=second` showing seed 001. */
  spa: 'js-spa.html',
} as const;

/** Under test/e2e/fixtures: a republication of own-corpus/harbour-ferry-2024.txt, an article in no bundled corpus. */
export const OWN_CORPUS_PAGE = 'harbour-ferry-republished.html';
/** The folder `firsthand build-corpus` turns into the corpus the options page imports. */
export const OWN_CORPUS_FOLDER = 'own-corpus';
/** The corpus id of the one article in it (its file name without the extension). */
export const OWN_CORPUS_ARTICLE = 'harbour-ferry-2024';
