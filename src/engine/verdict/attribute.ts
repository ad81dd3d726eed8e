import { alignSource, type SourceAlignment } from '../align/align.js';
import { withoutBoilerplate } from './boilerplate-passages.js';
import { creditedOrigin, creditedStory, inheritedStory, uncreditedSyndication } from './syndication.js';
import { canonicalEvidence, dateEvidence, directionOf, recordedDate } from './direction.js';
import type { Credit } from './credits.js';
import { basedOnEvidence, containmentEvidence, creditEvidence, creditsOf, sourceLinkEvidence } from './evidence.js';
import { outletIsSite, sameAddress, sameHost, sameSite, siteOf, sitesShareName } from './identity.js';
import { findCandidates, type GroupedCandidate } from '../retrieve/candidates.js';
import { listedStories, MIN_LISTED } from '../text/listing.js';
import type { Corpus, StoredArticle } from '../retrieve/corpus.js';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import { markWords, prepareText, wordSpans, type PreparedText } from '../align/prepared-text.js';
import { TermMatcher } from '../align/sentence-similarity.js';
import { TermIds } from '../text/term-ids.js';
import { CorpusFormatError, PASSAGE_KINDS, type DerivedWords, type DirectionEvidence, type PageInput, type Passage, type PassageKind, type SourceMatch, type Verdict } from '../types.js';
import { compareDates, COPY_THRESHOLD, decideStatus, SAME_ADDRESS_SELF_THRESHOLD, SELF_THRESHOLD, type ArticleDate } from './verdict.js';

/**
 * Longest page checked, in words: news articles run to a few thousand words,
 * and a book-length page would otherwise hold the browser for seconds. Longer
 * pages are checked on their first MAX_CHECKED_WORDS words, and the verdict
 * says so (`truncatedFrom`).
 */
export const MAX_CHECKED_WORDS = 50_000;

export interface AttributeOptions {
  /** Synonyms for paraphrase alignment; without one only identical terms and spelling variants match. */
  readonly lexicon?: Lexicon;
  /** How many retrieved articles to align at most. */
  readonly maxCandidates?: number;
  /**
   * Called for a candidate whose stored text is damaged (CorpusFormatError), which is then set
   * aside and the check goes on with the others. Without it, such an article fails the check.
   */
  readonly onDamagedArticle?: (corpus: Corpus, doc: number, reason: string) => void;
}

interface AlignedSource {
  readonly article: StoredArticle;
  readonly prepared: PreparedText;
  readonly alignment: SourceAlignment;
  readonly pageMarks: Uint8Array;
  readonly coverage: number;
  /** The retrieved story it carries (see findCandidates) and how many corpus articles carry it. */
  readonly story: number;
  readonly carriers: number;
}

/** The page as a check reads it: its checked part, cut up once. */
interface PreparedPage {
  /** The text it was made from, so a page object whose text was replaced is cut up again. */
  readonly text: string;
  readonly prepared: PreparedText;
  readonly ids: TermIds;
  readonly truncatedFrom: number | null;
  /** The last retrieval over it, with the corpora and limit it was for. */
  candidates?: { corpora: readonly Corpus[]; max: number | undefined; found: GroupedCandidate[] };
}

/**
 * A host that keeps texts out of memory calls candidateArticles and then attribute on the same
 * page object (see the extension's check): the page cut up and looked up by the first is kept
 * here for the second, which takes it, so a 50,000-word page is tokenized once, not twice.
 */
const preparedForAttribute = new WeakMap<PageInput, PreparedPage>();

function preparePage(page: PageInput): PreparedPage {
  const kept = preparedForAttribute.get(page);
  if (kept !== undefined && kept.text === page.text) return kept;
  const { text, truncatedFrom } = checkedPart(page.text);
  const ids = new TermIds();
  return { text: page.text, prepared: prepareText(text, ids), ids, truncatedFrom };
}

/** findCandidates over a prepared page, the last answer again for the same corpora and limit. */
function candidatesOf(page: PreparedPage, corpora: readonly Corpus[], max: number | undefined): GroupedCandidate[] {
  const last = page.candidates;
  if (last !== undefined && last.max === max && last.corpora.length === corpora.length && last.corpora.every((c, i) => c === corpora[i])) {
    return last.found;
  }
  const found = carriersToAlign(findCandidates(page.prepared.tokens, page.prepared.sentences, corpora, max));
  page.candidates = { corpora: [...corpora], max, found };
  return found;
}

/** A corpus article that `attribute` will align with a page. */
export interface CandidateArticle {
  readonly corpus: Corpus;
  readonly doc: number;
}

/**
 * The articles `attribute` would align with `page`, by the same retrieval: a host that
 * keeps article texts out of memory (see loadCorpusHead) reads these first.
 */
export function candidateArticles(page: PageInput, corpora: readonly Corpus[], options: AttributeOptions = {}): CandidateArticle[] {
  const prepared = preparePage(page);
  preparedForAttribute.set(page, prepared);
  return candidatesOf(prepared, corpora, options.maxCandidates).map(({ corpus, doc }) => ({ corpus, doc }));
}

/**
 * Carriers of one story aligned at most, earliest published first: direction needs the earliest
 * carrier, and the others, beyond a few, repeat the same passages at a few milliseconds each. The
 * story's size is still reported (Verdict.wire.carriers).
 */
export const MAX_ALIGNED_CARRIERS = 16;

/** The retrieved candidates to align: every story, each by at most MAX_ALIGNED_CARRIERS of its carriers, the earliest. */
function carriersToAlign(candidates: readonly GroupedCandidate[]): GroupedCandidate[] {
  const byStory = new Map<number, GroupedCandidate[]>();
  for (const c of candidates) {
    const carriers = byStory.get(c.story);
    if (carriers) carriers.push(c);
    else byStory.set(c.story, [c]);
  }
  return [...byStory.values()].flatMap((carriers) => carriers.length <= MAX_ALIGNED_CARRIERS
    ? carriers
    : carriers.map((c, rank) => ({ c, rank, published: publishedOf(c) }))
      .sort((a, b) => compareDates(a.published, b.published) || a.rank - b.rank)
      .slice(0, MAX_ALIGNED_CARRIERS).map(({ c }) => c));
}

/** When a candidate was out, for ordering carriers (its first-seen time bounds it, as for direction); damaged metadata orders it last. */
function publishedOf(c: CandidateArticle): ArticleDate {
  try {
    return recordedDate(c.corpus.meta(c.doc));
  } catch {
    return null;
  }
}

/**
 * Where the page came from: retrieves candidate articles from the corpora,
 * aligns each with the page, and applies the attribution rules. Pure and
 * deterministic; the same in the extension, the CLI and the tests.
 */
export function attribute(page: PageInput, corpora: readonly Corpus[], options: AttributeOptions = {}): Verdict {
  const checked = preparePage(page);
  // Taken, not shared: aligning adds the sources' terms to its term ids.
  preparedForAttribute.delete(page);
  const { prepared, ids, truncatedFrom } = checked;
  const pageWords = prepared.words.starts.length;
  const matcher = new TermMatcher(options.lexicon ?? EMPTY_LEXICON, ids);

  const seen = new Set<string>();
  const aligned: AlignedSource[] = [];
  for (const candidate of candidatesOf(checked, corpora, options.maxCandidates)) {
    let article: StoredArticle;
    try {
      article = candidate.corpus.article(candidate.doc);
    } catch (error) {
      if (!(error instanceof CorpusFormatError) || options.onDamagedArticle === undefined) throw error;
      options.onDamagedArticle(candidate.corpus, candidate.doc, error.message);
      continue;
    }
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    const source = prepareText(article.text, ids);
    const alignment = withoutBoilerplate(alignSource(prepared, source, matcher), article.boilerplate);
    const pageMarks = markWords(prepared.words, alignment.passages.map((p) => p.page));
    // a listing lists stories, it neither copies them nor is their source; only the listing itself, or a page
    // holding most of its text (a scraped listing, not one of its stories), finds it
    if (!isPageAddress(page, article) && listedStories(article.text) >= MIN_LISTED && !holdsMostOf(source, alignment)) continue;
    aligned.push({
      article, prepared: source, alignment, pageMarks, coverage: pageWords > 0 ? count(pageMarks) / pageWords : 0, story: candidate.story, carriers: candidate.carriers,
    });
  }

  const { self, selfBy, untold } = findSelf(page, prepared, aligned);
  // the corpus's record of the page when the page is in it; else the page's own claim
  const pageDate = self ? recordedDate(self.article) : page.published ?? null;
  const pageCredits = creditsOf(prepared.text, page.byline ?? null);
  // each source's credit lines, read once: direction, the tie-break and the syndicated story all use them
  const sourceCredits = new Map<string, Credit[]>();
  const sources: SourceMatch[] = aligned
    .filter((a) => a !== self && (a.coverage > 0 || a.alignment.quotes.length > 0))
    .map((a) => {
      const credits = creditsOf(a.article.text);
      sourceCredits.set(a.article.id, credits);
      const evidence = pairEvidence(page, pageCredits, pageWords, a, credits, untold.get(a), pageDate, self === null);
      return {
        id: a.article.id, title: a.article.title, outlet: a.article.outlet, published: a.article.published, url: a.article.url,
        relation: directionOf(evidence),
        evidence,
        coverage: round4(a.coverage),
        passages: a.alignment.passages,
        quotes: a.alignment.quotes,
        text: a.article.text,
      };
    })
    .sort((a, b) => b.coverage - a.coverage || (a.id < b.id ? -1 : 1));

  const earlierIds = new Set(sources.filter((s) => s.relation === 'source').map((s) => s.id));
  const derivedKinds = derivedWordKinds(prepared, sources.filter((s) => earlierIds.has(s.id)));
  const derived: DerivedWords = { verbatim: 0, 'near-verbatim': 0, paraphrase: 0 };
  let derivedTotal = 0;
  for (const kind of derivedKinds) {
    if (kind === 0) continue;
    derived[PASSAGE_KINDS[kind - 1]!]++;
    derivedTotal++;
  }
  const overlap = pageWords > 0 ? round4(derivedTotal / pageWords) : 0;
  const ranked = sources.map((s) => ({
    ...s,
    liftedWords: longestVerbatimRun(prepared, s.passages),
    verbatimWords: count(markWords(prepared.words, s.passages.filter((p) => p.kind === 'verbatim').map((p) => p.page))),
    wireCredit: creditedOrigin(sourceCredits.get(s.id)!)?.wire === true,
  }));
  const pageOrigin = creditedOrigin(pageCredits);
  const pageWire = creditedStory(pageOrigin, page, sources, aligned);
  // a wire's copy is licensed to many at once; a partner outlet's article ("via Oilprice.com") is, to this corpus, the page's own
  const carriesWire = pageWire !== null && pageOrigin!.wire;
  const { status, likelyOriginal, sameText } = decideStatus(ranked, overlap, self?.article.id ?? null, carriesWire);
  const wire = pageWire ?? (status === 'copy'
    ? inheritedStory(page, sources, aligned, likelyOriginal!, sourceCredits.get(likelyOriginal!) ?? [])
      ?? uncreditedSyndication(page, sources, aligned, likelyOriginal!)
    : null);
  return {
    status, likelyOriginal, self: self?.article.id ?? null, selfBy, sameText, wire, listing: listingOf(prepared.text), overlap, derived, sources, pageWords,
    truncatedFrom,
  };
}

/** The page text up to the end of its MAX_CHECKED_WORDS-th word, and its word count when it was cut. */
export function checkedPart(text: string): { text: string; truncatedFrom: number | null } {
  // Every word holds a character: a text this short cannot pass the limit, and most pages are.
  if (text.length <= MAX_CHECKED_WORDS) return { text, truncatedFrom: null };
  const words = wordSpans(text);
  const totalWords = words.ends.length;
  if (totalWords <= MAX_CHECKED_WORDS) return { text, truncatedFrom: null };
  return { text: text.slice(0, words.ends[MAX_CHECKED_WORDS - 1]), truncatedFrom: totalWords };
}

/** Whether the aligned passages cover most of the source's own words. */
function holdsMostOf(source: PreparedText, alignment: SourceAlignment): boolean {
  const words = source.words.starts.length;
  return words > 0 && count(markWords(source.words, alignment.passages.map((p) => p.source))) >= COPY_THRESHOLD * words;
}

function listingOf(text: string): Verdict['listing'] {
  const stories = listedStories(text);
  return stories >= MIN_LISTED ? { stories } : null;
}

/** Whether the article is at the page's own address (or its canonical on its own site). */
function isPageAddress(page: PageInput, article: StoredArticle): boolean {
  return page.url != null && article.url !== null && addressEvidence(page, article) === 'same';
}

/** Every piece of evidence about which of the page and `a` came first (see directionOf), dates last. */
function pairEvidence(
  page: PageInput, pageCredits: readonly Credit[], pageWords: number, a: AlignedSource, sourceCredits: readonly Credit[], mayBeThePage: UntoldIdentity | undefined, pageDate: ArticleDate,
  pageDateIsClaim: boolean,
): DirectionEvidence[] {
  const evidence: DirectionEvidence[] = [];
  if (mayBeThePage === 'no-address') {
    evidence.push({ kind: 'identity', says: 'unknown-order', detail: 'the same words as this article, which has no address to tell it from the page' });
  } else if (mayBeThePage === 'own-site') {
    evidence.push({
      kind: 'identity', says: 'unknown-order',
      detail: `the same words as this article at another address on the page's own site, ${siteOf(a.article.url!)}: the site's article under two addresses, not a copy`,
    });
  } else if (mayBeThePage === 'sister-site') {
    evidence.push({
      kind: 'identity', says: 'unknown-order',
      detail: `the same words as this article on ${siteOf(a.article.url!)}, a site of the same name as the page's: one outlet's two sites, or a look-alike of it`,
    });
  }
  const pageSide = { url: page.url ?? null, outlet: page.siteName ?? null, credits: pageCredits };
  const sourceSide = { url: a.article.url, outlet: a.article.outlet, credits: sourceCredits };
  const credit = creditEvidence(pageSide, sourceSide, a.coverage);
  // two carriers of one wire's credited copy: the longer holding the shorter carries more of the wire's text, not its source
  const commonWire = credit?.says === 'unknown-order';
  for (const found of [
    canonicalEvidence(page.url, page.canonical, a.article.url),
    basedOnEvidence(page.basedOn, a.article.url),
    sourceLinkEvidence(page.links, a.article.url),
    credit,
    commonWire ? null : containmentEvidence(pageWords, a.prepared.words.starts.length, a.coverage),
  ]) {
    if (found) evidence.push(found);
  }
  evidence.push(dateEvidence(pageDate, pageDateIsClaim, recordedDate(a.article)));
  return evidence;
}

/**
 * Why the page may be an article without that being told: the article has no address, it is at
 * another address on the page's own host, or on a site of the page's site's name.
 */
type UntoldIdentity = 'no-address' | 'own-site' | 'sister-site';

/**
 * The corpus article the page is, how that was told, and the articles the page may be but cannot
 * be told apart from. At the article's own address (the page's, or its canonical on its own site):
 * at least SAME_ADDRESS_SELF_THRESHOLD of the page in verbatim passages from it. Otherwise both
 * texts at least SELF_THRESHOLD in verbatim passages between them, and then only when nothing tells
 * them apart: with no address on either side (the words alone), or an article without an address
 * whose outlet is the page's site. An article without an address that has the page's words, at a
 * page whose site its outlet cannot be matched to, may or may not be the page: it is `untold`,
 * never taken to be the page on its words alone; nor is an article at another address on the page's
 * own host, nor one on a site of the page's site's name (`bbc.com` for a page on `bbc.co.uk`). On
 * another site, never: identical words elsewhere are a copy (a scraper, a syndication partner), not
 * the article.
 * Headlines are no evidence: the same article's headline differs between its <title>, its <h1>
 * and a catalog, and a scraper keeps it.
 */
function findSelf(page: PageInput, prepared: PreparedText, aligned: readonly AlignedSource[]): {
  self: AlignedSource | null; selfBy: Verdict['selfBy']; untold: Map<AlignedSource, UntoldIdentity>;
} {
  let best: AlignedSource | null = null;
  let bestScore = 0;
  let bestBy: Verdict['selfBy'] = null;
  const untold = new Map<AlignedSource, UntoldIdentity>();
  for (const a of aligned) {
    const address = addressEvidence(page, a.article);
    if (address === 'other') continue;
    const verbatim = a.alignment.passages.filter((p) => p.kind === 'verbatim');
    const pageShare = share(markWords(prepared.words, verbatim.map((p) => p.page)));
    // the article at the page's own address outranks any article that only has the same words
    const score = address === 'same'
      ? (pageShare >= SAME_ADDRESS_SELF_THRESHOLD ? 1 + pageShare : 0)
      : Math.min(pageShare, share(markWords(a.prepared.words, verbatim.map((p) => p.source))));
    if (score < SELF_THRESHOLD) continue;
    if (address === 'untold' || address === 'own-site' || address === 'sister-site') {
      untold.set(a, address === 'untold' ? 'no-address' : address);
    } else if (score > bestScore) {
      best = a;
      bestScore = score;
      bestBy = address === 'same' ? 'address' : address;
    }
  }
  return { self: best, selfBy: bestBy, untold };
}

/**
 * What the addresses say about the page being `article`: the same page; another one; nothing,
 * leaving the words to tell (`words`: neither has an address); the article's outlet is the page's
 * site (`outlet`); or it cannot be told (`untold`: the article has no address, the page has one;
 * `own-site`: the article is at another address on the page's own host; `sister-site`: the article
 * is at a site of the page's site's name, `bbc.com` for `bbc.co.uk`).
 */
function addressEvidence(page: PageInput, article: StoredArticle): 'same' | 'other' | 'words' | 'outlet' | 'untold' | 'own-site' | 'sister-site' {
  if (!page.url) return 'words';
  if (!article.url) return outletIsSite(article.outlet, page.url) ? 'outlet' : 'untold';
  if (sameAddress(page.url, article.url)) return 'same';
  // a site speaks for its own pages: its canonical link names the page under another form of address
  if (page.canonical && sameSite(page.canonical, page.url) && sameAddress(page.canonical, article.url)) return 'same';
  if (sameHost(page.url, article.url)) return 'own-site';
  return sitesShareName(page.url, article.url) ? 'sister-site' : 'other';
}

/**
 * For each page word, the most verbatim kind of passage that covers it from an
 * earlier source (1 verbatim, 2 near-verbatim, 3 paraphrase), or 0.
 */
function derivedWordKinds(page: PreparedText, earlier: readonly SourceMatch[]): Uint8Array {
  const kinds = new Uint8Array(page.words.starts.length);
  PASSAGE_KINDS.forEach((kind: PassageKind, k) => {
    const marks = markWords(page.words, earlier.flatMap((s) => s.passages.filter((p: Passage) => p.kind === kind).map((p) => p.page)));
    for (let w = 0; w < marks.length; w++) if (marks[w] && kinds[w] === 0) kinds[w] = k + 1;
  });
  return kinds;
}

/** Longest run of consecutive page words inside verbatim or near-verbatim passages. */
function longestVerbatimRun(page: PreparedText, passages: readonly Passage[]): number {
  const marks = markWords(page.words, passages.filter((p) => p.kind !== 'paraphrase').map((p) => p.page));
  let longest = 0;
  let run = 0;
  for (let w = 0; w < marks.length; w++) {
    run = marks[w] ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function count(marks: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < marks.length; i++) n += marks[i]!;
  return n;
}

function share(marks: Uint8Array): number {
  return marks.length > 0 ? count(marks) / marks.length : 0;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
