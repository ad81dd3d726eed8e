import { dropIsolatedFragments } from './isolated-fragments.js';
import { figuresDisagree } from './number-agreement.js';
import type { PreparedText } from './prepared-text.js';
import type { Sentence } from '../text/segment.js';
import { PairMatcher, scoreSentencePair, type SentencePairScore, type TermMatcher } from './sentence-similarity.js';
import { TokenFlag } from '../text/tokenize.js';
import { isTemplateSibling } from './template-siblings.js';
import type { Passage, PassageKind, SharedQuote, Span } from '../types.js';
import { findVerbatimRuns, type VerbatimRun } from './verbatim-runs.js';

/**
 * Thresholds of the aligner. Developed on the seed labels' derived sentences
 * and hard negatives (shared/eval/seed-pairs) and on the development parts of
 * the evaluation sets; see README "Evaluation".
 */
export const ALIGN = {
  /** Shortest run of identical terms taken as verbatim reuse on its own. */
  minStandaloneRun: 8,
  /** Shortest run of identical terms used as evidence inside a sentence. */
  minRun: 5,
  /** A sentence this much covered by verbatim runs is verbatim. */
  verbatimSentence: 0.85,
  /** A sentence pair this similar is derived without further support. */
  strong: 0.55,
  /**
   * A strong pair with no derived sentence beside it in the source's order
   * needs this much. Stock same-event sentences ("Trump arrived in Finland
   * ahead of his summit with Russian President Vladimir Putin") score 0.55–0.72
   * against another outlet's own sentence on the real-news dev day; a lone
   * rewritten sentence of a reused paragraph keeps most of its words.
   */
  alone: 0.75,
  /** A sentence pair this similar is derived when a neighbouring sentence is derived from a neighbouring source sentence. */
  weak: 0.32,
  /** Pages sentences apart and source sentences apart that still count as neighbours in a derived sequence. */
  neighbourPage: 2,
  neighbourSource: 3,
  /**
   * Near-verbatim: mostly identical words, few edits. Set where the labelled
   * seed sentences are told apart best: 11 of 16 near-verbatim and 48 of 50
   * paraphrased sentences classified as the labels say.
   */
  nearVerbatimExact: 0.85,
  nearVerbatimSimilarity: 0.85,
  /** A source sentence is scored against a page sentence only if it shares this share of its content terms… */
  minSharedTerms: 0.2,
  /** …and is among the few that share the most: bounds the work on long pages. */
  maxSourceSentences: 6,
  /** Sentence evidence that is mostly quoted speech and whose own words do not match is a shared quote. */
  quoteShare: 0.6,
  quoteFrame: 0.3,
  /**
   * A quotation's neighbour is derived text (so the quotation was taken with
   * it) when this share of its words outside quotations and their
   * attribution is matched: the seeds' derived sentences start at 0.54, the
   * same-fact independent ones end at 0.36.
   */
  derivedFrame: 0.45,
  /**
   * Shortest stretch of passages (words from its first to its last) that
   * counts, with passages this many words apart joined into one stretch.
   * On the PAN13 development part the isolated matches shorter than a
   * sentence were navigation lines, citations and stock phrases (precision
   * 0.936 → 0.967, recall unchanged); on PAN25's it costs three paragraphs
   * whose only evidence was one ~10-word phrase (recall 0.735 → 0.673). A
   * news reader is better served without phrase-level alarms. 12 is a short
   * sentence: at 20 (PAN13 dev 0.981, PAN25 dev one paragraph fewer) a real
   * copied sentence of 12–19 words would no longer count on its own.
   */
  minStretchWords: 12,
  stretchGapWords: 20,
} as const;

/** What aligning the page with one source found. */
export interface SourceAlignment {
  readonly passages: readonly Passage[];
  readonly quotes: readonly SharedQuote[];
}

/**
 * A page sentence's counterpart: one source sentence, or two in a row that the
 * rewrite fused into one sentence (`sourceLast` = `sourceSentence` + 1).
 */
interface SentenceMatch {
  readonly sourceSentence: number;
  readonly sourceLast: number;
  readonly score: SentencePairScore;
}

type Decision =
  | { readonly kind: 'none' }
  | { readonly kind: 'runs' }
  | { readonly kind: 'sentence'; readonly passageKind: PassageKind; readonly match: SentenceMatch }
  | { readonly kind: 'quote'; readonly match: SentenceMatch };

/** Aligns a page with one source article: verbatim runs, then sentence by sentence for what was rewritten. */
export function alignSource(pageText: PreparedText, sourceText: PreparedText, matcher: TermMatcher): SourceAlignment {
  const runs = findVerbatimRuns(pageText.aligned.termIds, sourceText.aligned.termIds, ALIGN.minRun);
  const page = asSpeechSees(pageText, sourceText, runs, 'page');
  const source = asSpeechSees(sourceText, pageText, runs, 'source');
  const runTokens = markRunTokens(runs, page.tokens.terms.length);
  const matcherOfPair = new PairMatcher(matcher, page.aligned, source.aligned);
  const candidates = sentenceCandidates(page, source, runs, matcherOfPair);
  let demoted: readonly [PreparedText | null, PreparedText | null] | undefined;
  const accepted = acceptSentences(page, candidates, (i, m) => {
    demoted ??= [withNamesDemoted(page), withNamesDemoted(source)];
    const [demotedPage, demotedSource] = demoted;
    if (demotedPage === null || demotedSource === null) return false;
    // the bar the pair was accepted on, now without the names
    const bar = m.score.similarity >= ALIGN.strong ? ALIGN.strong : ALIGN.weak;
    return scorePair(demotedPage, i, demotedSource, m.sourceSentence, m.sourceLast, matcherOfPair).score.similarity < bar;
  });

  const decisions: Decision[] = page.sentences.map((sentence, i) => {
    const match = accepted.get(i);
    const runShare = share(runTokens, sentence.firstToken, sentence.endToken);
    if (runShare >= ALIGN.verbatimSentence) {
      // Copied word for word: a quotation only if the copying stops at the quote marks.
      const quotedOnly = unquotedShare(runTokens, page.quoted, sentence.firstToken, sentence.endToken) < ALIGN.quoteFrame;
      if (quotedOnly && !hasDerivedNeighbour(i, accepted, page.sentences.length)) return { kind: 'none' };
      return { kind: 'runs' };
    }
    if (match && isQuoteLike(match.score) && !hasDerivedNeighbour(i, accepted, page.sentences.length)) return { kind: 'quote', match };
    if (match) return { kind: 'sentence', passageKind: classify(match.score), match };
    return { kind: 'none' };
  });

  const passages: Passage[] = [];
  const quotes: SharedQuote[] = [];
  collectRunPassages(page, source, runs, decisions, passages, quotes, accepted);
  collectSentencePassages(page, source, runs, decisions, passages);
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    if (d.kind === 'quote') quotes.push(quoteSpans(pageText, i, sourceText, d.match));
  }
  quotes.sort((a, b) => a.page[0] - b.page[0]);
  const kept = dropIsolatedFragments(page.words, passages, ALIGN.minStretchWords, ALIGN.stretchGapWords);
  if (isTemplateSibling(page, source, kept)) return { passages: [], quotes };
  return { passages: kept, quotes };
}

/**
 * One side of the pair with `quoted` widened to all that is quoted speech as
 * the pair sees it: its own quotations, their attribution frames, and the
 * words the other side quotes where the two run word for word (a broadcast
 * transcript, a statement or a post that a report quotes carries those words
 * without marks). Two reports sharing a statement share its words and its
 * formulaic frame, neither of which is taken from the other.
 */
function asSpeechSees(text: PreparedText, other: PreparedText, runs: readonly VerbatimRun[], side: 'page' | 'source'): PreparedText {
  const speech = new Uint8Array(text.quoted.length);
  for (let t = 0; t < speech.length; t++) speech[t] = text.quoted[t]! | text.framed[t]!;
  for (const run of runs) {
    const [mine, theirs] = side === 'page' ? [run.page, run.source] : [run.source, run.page];
    for (let k = 0; k < run.length; k++) speech[mine + k]! |= other.quoted[theirs + k]!;
  }
  return { ...text, quoted: speech, aligned: { ...text.aligned, quoted: speech } };
}

/**
 * The text with names (capitalised words inside a sentence) weighed as
 * function words: what a sentence says beyond who and where. Null for a text
 * typed in one case, whose capitals name nothing (such a text keeps the
 * alignment it always had).
 */
function withNamesDemoted(text: PreparedText): PreparedText | null {
  const { flags } = text.tokens;
  const demoted = new Uint8Array(flags);
  let names = 0;
  for (const s of text.sentences) {
    for (let t = s.firstToken + 1; t < s.endToken; t++) {
      if (!(flags[t]! & TokenFlag.Capitalized) || flags[t]! & TokenFlag.Stop) continue;
      demoted[t]! |= TokenFlag.Stop;
      names++;
    }
  }
  if (names === 0 || typedInOneCase(text)) return null;
  return { ...text, aligned: { ...text.aligned, flags: demoted } };
}

/** A text typed all in capitals or all in lower case: its capitals tell no names. */
function typedInOneCase(text: PreparedText): boolean {
  let known = oneCase.get(text.tokens);
  if (known === undefined) {
    known = !/\p{Ll}/u.test(text.text) || !/\p{Lu}/u.test(text.text);
    oneCase.set(text.tokens, known);
  }
  return known;
}

/** Per text (its tokens, which every view of it shares): read once, asked per run and per source. */
const oneCase = new WeakMap<object, boolean>();

function classify(score: SentencePairScore): PassageKind {
  return score.exactShare >= ALIGN.nearVerbatimExact && score.similarity >= ALIGN.nearVerbatimSimilarity ? 'near-verbatim' : 'paraphrase';
}

function isQuoteLike(score: SentencePairScore): boolean {
  return score.quotedShare >= ALIGN.quoteShare && score.frameShare < ALIGN.quoteFrame;
}

/**
 * Whether quoted sentence i sits in text derived from the source: look past
 * the quotation (the run of quote-like sentences around i) to the nearest
 * sentence on each side. A quote is *shared* only where the page has its own
 * words around it; one with derived text beside it, or with nothing but
 * quotation around it, was taken together with its context.
 */
function hasDerivedNeighbour(i: number, accepted: ReadonlyMap<number, SentenceMatch>, sentenceCount: number): boolean {
  const quoteLike = (j: number): boolean => {
    const m = accepted.get(j);
    return m !== undefined && isQuoteLike(m.score);
  };
  let left = i - 1;
  while (left >= 0 && quoteLike(left)) left--;
  let right = i + 1;
  while (right < sentenceCount && quoteLike(right)) right++;
  const hasLeft = left >= 0;
  const hasRight = right < sentenceCount;
  if (!hasLeft && !hasRight) return true;
  return (hasLeft && ownWordsDerived(accepted.get(left))) || (hasRight && ownWordsDerived(accepted.get(right)));
}

/**
 * Whether a sentence next to a quotation was taken for its own words, not
 * for the quotation it carries or its attribution ("Warner drew a comparison
 * with…, saying Trump “ended up saying…”" beside a transcript of Warner's
 * words is the outlet's own sentence).
 */
function ownWordsDerived(match: SentenceMatch | undefined): boolean {
  return match !== undefined && match.score.frameShare >= ALIGN.derivedFrame;
}

function markRunTokens(runs: readonly VerbatimRun[], tokenCount: number): Uint8Array {
  const marks = new Uint8Array(tokenCount);
  for (const run of runs) marks.fill(1, run.page, run.page + run.length);
  return marks;
}

/** Share of the unquoted tokens in `[from, to)` that are marked; 0 when every token is quoted. */
function unquotedShare(marks: Uint8Array, quoted: Uint8Array, from: number, to: number): number {
  let frame = 0;
  let marked = 0;
  for (let t = from; t < to; t++) {
    if (quoted[t]) continue;
    frame++;
    marked += marks[t]!;
  }
  return frame > 0 ? marked / frame : 0;
}

function share(marks: Uint8Array, from: number, to: number): number {
  if (to <= from) return 0;
  let n = 0;
  for (let t = from; t < to; t++) n += marks[t]!;
  return n / (to - from);
}

/**
 * For each page sentence, the source sentences worth scoring, best first:
 * those sharing two content terms with it, those its verbatim runs land in,
 * and (added later, in acceptSentences) the neighbours of derived ones.
 */
function sentenceCandidates(
  page: PreparedText, source: PreparedText, runs: readonly VerbatimRun[], matcher: PairMatcher,
): SentenceMatch[][] {
  // Term ids (one numbering for page and source) and typed counters rather than strings, Sets
  // and Maps per page sentence: a long page has thousands of sentences, each visited per source.
  const pageIds = page.aligned.termIds;
  const sourceIds = source.aligned.termIds;
  const sentencesWithTerm = new Map<number, number[]>();
  source.sentences.forEach((s, j) => {
    if (source.furniture[j] === 1) return;
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (source.tokens.flags[t]! & TokenFlag.Stop) continue;
      const term = sourceIds[t]!;
      const list = sentencesWithTerm.get(term);
      if (!list) sentencesWithTerm.set(term, [j]);
      else if (list[list.length - 1] !== j) list.push(j);
    }
  });
  const runTargets = new Map<number, Set<number>>();
  for (const run of runs) {
    for (let t = 0; t < run.length; t++) {
      const ps = page.sentenceOfToken[run.page + t]!;
      const ss = source.sentenceOfToken[run.source + t]!;
      let set = runTargets.get(ps);
      if (!set) runTargets.set(ps, (set = new Set()));
      set.add(ss);
    }
  }

  let idCount = 0;
  for (const id of pageIds) if (id >= idCount) idCount = id + 1;
  /** The page sentence that last counted each term: a term counts once per sentence. */
  const seenIn = new Int32Array(idCount).fill(-1);
  /** Terms shared with each source sentence, for the current page sentence; `touched` in first-touch order. */
  const sharedCount = new Int32Array(source.sentences.length);
  const touched: number[] = [];

  return page.sentences.map((s, i) => {
    if (page.furniture[i] === 1) return [];
    let seen = 0;
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (page.tokens.flags[t]! & TokenFlag.Stop) continue;
      const term = pageIds[t]!;
      if (seenIn[term] === i) continue;
      seenIn[term] = i;
      seen++;
      const list = sentencesWithTerm.get(term);
      if (list === undefined) continue;
      for (const j of list) if (sharedCount[j]!++ === 0) touched.push(j);
    }
    const runTarget = runTargets.get(i);
    if (touched.length === 0 && runTarget === undefined) return [];
    const targets = new Set<number>(runTarget ?? []);
    const minShared = Math.max(2, Math.ceil(seen * ALIGN.minSharedTerms));
    // A stable sort over first-touch order: ties keep the order they always had.
    touched.filter((j) => sharedCount[j]! >= minShared).sort((a, b) => sharedCount[b]! - sharedCount[a]!)
      .slice(0, ALIGN.maxSourceSentences).forEach((j) => targets.add(j));
    for (const j of touched) sharedCount[j] = 0;
    touched.length = 0;
    const matches: SentenceMatch[] = [];
    for (const j of targets) {
      if (!figuresDisagree(page.figures[i]!, source.figures[j]!)) matches.push(scorePair(page, i, source, j, j, matcher));
    }
    // Rewrites fuse two sentences into one: where no single source sentence is a strong match, score each
    // two in a row that both share terms with the page sentence.
    if (!matches.some((m) => m.score.similarity >= ALIGN.strong)) {
      for (const j of targets) {
        if (!targets.has(j + 1) || figuresDisagree(page.figures[i]!, unionOf(source.figures[j]!, source.figures[j + 1]!))) continue;
        matches.push(scorePair(page, i, source, j, j + 1, matcher));
      }
    }
    return matches.sort((a, b) => b.score.similarity - a.score.similarity);
  });
}

function scorePair(page: PreparedText, i: number, source: PreparedText, j: number, jLast: number, matcher: PairMatcher): SentenceMatch {
  const a = page.sentences[i]!;
  const b = sourceRange(source, j, jLast);
  // a pair below the weak bar is never accepted nor kept, whatever its exact score (acceptSentences)
  const score = scoreSentencePair(page.aligned, a.firstToken, a.endToken, source.aligned, b.firstToken, b.endToken, matcher, ALIGN.weak);
  return { sourceSentence: j, sourceLast: jLast, score };
}

/** Source sentences `first` to `last` as one sentence. */
function sourceRange(source: PreparedText, first: number, last: number): Sentence {
  const a = source.sentences[first]!;
  const b = source.sentences[last]!;
  return { start: a.start, end: b.end, firstToken: a.firstToken, endToken: b.endToken };
}

function unionOf(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a, ...b]);
}

/**
 * Strong pairs are accepted on their own; weak ones only inside a derived
 * sequence: copies keep the source's order, while two reports of one event
 * share facts sentence by sentence but not a run of rewritten sentences.
 */
function acceptSentences(
  page: PreparedText, candidates: SentenceMatch[][], sharesOnlyNames: (i: number, m: SentenceMatch) => boolean,
): Map<number, SentenceMatch> {
  const accepted = new Map<number, SentenceMatch>();
  candidates.forEach((list, i) => {
    const best = list[0];
    if (best && best.score.similarity >= ALIGN.strong) accepted.set(i, best);
  });
  extendBySequence(page, candidates, accepted);
  // A strong pair alone, with no derived sentence beside it in the source's order, may be the sentence
  // two reports of one event both write: it stands only if it shares more than the event's names.
  // Support here is a neighbour with words of its own (a byline or a dateline beside a blurb's one sentence is none).
  const substantial = new Map([...accepted].filter(([j]) => contentTokens(page, j) >= MIN_SUPPORT_CONTENT_TOKENS));
  const dropped = new Map<number, SentenceMatch>();
  for (const [i, m] of accepted) {
    if (m.score.similarity >= ALIGN.alone || isSupported(i, m, substantial) || !sharesOnlyNames(i, m)) continue;
    dropped.set(i, m);
  }
  if (dropped.size === 0) return accepted;
  // what the dropped pairs supported goes with them, and they do not come back as weak pairs
  const kept = new Map<number, SentenceMatch>();
  for (const [i, m] of accepted) if (m.score.similarity >= ALIGN.strong && !dropped.has(i)) kept.set(i, m);
  extendBySequence(page, candidates, kept, dropped);
  return kept;
}

/** Fewest content words of a sentence that supports a lone strong pair as its neighbour. */
const MIN_SUPPORT_CONTENT_TOKENS = 4;

function contentTokens(text: PreparedText, i: number): number {
  const s = text.sentences[i]!;
  let n = 0;
  for (let t = s.firstToken; t < s.endToken; t++) if (!(text.tokens.flags[t]! & TokenFlag.Stop)) n++;
  return n;
}

/** Accepts weak pairs next to accepted ones in the source's order, until nothing changes. */
function extendBySequence(
  page: PreparedText, candidates: SentenceMatch[][], accepted: Map<number, SentenceMatch>,
  excluded: ReadonlyMap<number, SentenceMatch> = new Map(),
): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < page.sentences.length; i++) {
      if (accepted.has(i)) continue;
      const gone = excluded.get(i);
      const supported = (candidates[i] ?? []).find((c) => c.score.similarity >= ALIGN.weak && c !== gone && isSupported(i, c, accepted));
      if (supported) {
        accepted.set(i, supported);
        changed = true;
      }
    }
  }
}

function isSupported(i: number, c: SentenceMatch, accepted: ReadonlyMap<number, SentenceMatch>): boolean {
  for (let d = 1; d <= ALIGN.neighbourPage; d++) {
    for (const i2 of [i - d, i + d]) {
      const m = accepted.get(i2);
      if (!m || isQuoteLike(m.score)) continue;
      // source sentences moving forward with the page: after the neighbour's last, or before its first
      const dj = i2 < i ? c.sourceSentence - m.sourceLast : m.sourceSentence - c.sourceLast;
      if (dj > 0 && dj <= ALIGN.neighbourSource) return true;
    }
  }
  return false;
}

/** Verbatim passages from runs, except inside sentences decided otherwise. */
function collectRunPassages(
  page: PreparedText, source: PreparedText, runs: readonly VerbatimRun[], decisions: readonly Decision[],
  passages: Passage[], quotes: SharedQuote[], accepted: ReadonlyMap<number, SentenceMatch>,
): void {
  const { starts, ends } = page.tokens;
  const src = source.tokens;
  for (const run of runs) {
    // Cut the run where it enters a sentence decided as rewritten or quoted.
    let pieceStart = -1;
    const flush = (endToken: number): void => {
      if (pieceStart < 0) return;
      const length = endToken - pieceStart;
      const sourceStart = run.source + (pieceStart - run.page);
      const sentenceIndex = page.sentenceOfToken[pieceStart]!;
      // a run that is all templates ("Published 9:21 a.m. ET July 15, 2018") says nothing about the texts
      if (allFurniture(page, sentenceIndex, page.sentenceOfToken[endToken - 1]!)) {
        pieceStart = -1;
        return;
      }
      const inVerbatimSentence = decisions[sentenceIndex]?.kind === 'runs';
      const standsAlone = !inVerbatimSentence && length >= ALIGN.minStandaloneRun && !isNamesOnly(page, pieceStart, endToken);
      if (standsAlone || (inVerbatimSentence && length >= ALIGN.minRun)) {
        const pageSpan: Span = [starts[pieceStart]!, ends[endToken - 1]!];
        const sourceSpan: Span = [src.starts[sourceStart]!, src.ends[sourceStart + length - 1]!];
        if (isMostlyQuoted(page.quoted, pieceStart, endToken) && isMostlyQuoted(source.quoted, sourceStart, sourceStart + length)
          && !hasDerivedNeighbour(sentenceIndex, accepted, page.sentences.length) && !inVerbatimSentence) {
          quotes.push({ page: pageSpan, source: sourceSpan });
        } else {
          passages.push({ page: pageSpan, source: sourceSpan, similarity: 1, kind: 'verbatim' });
        }
      }
      pieceStart = -1;
    };
    for (let t = run.page; t < run.page + run.length; t++) {
      const d = decisions[page.sentenceOfToken[t]!]!;
      const usable = d.kind === 'runs' || d.kind === 'none';
      if (usable && pieceStart < 0) pieceStart = t;
      if (!usable) flush(t);
    }
    flush(run.page + run.length);
  }
}

function allFurniture(text: PreparedText, firstSentence: number, lastSentence: number): boolean {
  for (let i = firstSentence; i <= lastSentence; i++) if (text.furniture[i] !== 1) return false;
  return true;
}

/**
 * Whether page tokens `[from, to)` are names and function words only: "Sen.
 * Mark Warner (D-Va.), Vice Chair of the Senate Intelligence Committee" inside
 * two outlets' own sentences is who the story is about, not a sentence taken.
 * A text typed in capitals has no names to tell.
 */
function isNamesOnly(text: PreparedText, from: number, to: number): boolean {
  const { flags } = text.tokens;
  let names = 0;
  for (let t = from; t < to; t++) {
    if (flags[t]! & TokenFlag.Stop) continue;
    if (!(flags[t]! & TokenFlag.Capitalized)) return false;
    names++;
  }
  return names > 0 && !typedInOneCase(text);
}

function isMostlyQuoted(quoted: Uint8Array, from: number, to: number): boolean {
  return share(quoted, from, to) >= 0.8;
}

/** Sentence-level passages, consecutive sentences of one kind from consecutive source sentences merged. */
function collectSentencePassages(
  page: PreparedText, source: PreparedText, runs: readonly VerbatimRun[], decisions: readonly Decision[], passages: Passage[],
): void {
  let open: { first: number; last: number; kind: PassageKind; sFirst: number; sLast: number; weighted: number; tokens: number } | null = null;
  const close = (): void => {
    if (!open) return;
    const a = page.sentences[open.first]!;
    const b = page.sentences[open.last]!;
    const s0 = source.sentences[Math.min(open.sFirst, open.sLast)]!;
    const s1 = source.sentences[Math.max(open.sFirst, open.sLast)]!;
    const passage: Passage = {
      page: [a.start, b.end], source: [s0.start, s1.end], kind: open.kind,
      similarity: round3(open.weighted / open.tokens),
    };
    if (passage.kind === 'paraphrase') {
      passages.push(...splitAtLongRuns(passage, page, [a.firstToken, b.endToken], source, [s0.firstToken, s1.endToken], runs));
    } else {
      passages.push(passage);
    }
    open = null;
  };
  decisions.forEach((d, i) => {
    if (d.kind !== 'sentence') {
      close();
      return;
    }
    const s = page.sentences[i]!;
    const tokens = s.endToken - s.firstToken;
    const j = d.match.sourceSentence;
    if (open && open.kind === d.passageKind && open.last === i - 1 && j === open.sLast + 1) {
      open.last = i;
      open.sLast = d.match.sourceLast;
      open.weighted += d.match.score.similarity * tokens;
      open.tokens += tokens;
      return;
    }
    close();
    open = { first: i, last: i, kind: d.passageKind, sFirst: j, sLast: d.match.sourceLast, weighted: d.match.score.similarity * tokens, tokens };
  });
  close();
}

/**
 * A rewritten passage that keeps a sentence's worth of the source word for
 * word: that stretch is verbatim, and is shown and counted as such, the rest
 * stays paraphrase. The pieces tile the passage (what lies between a copied
 * stretch and rewritten words, a bracket or a dash, goes with the rewritten
 * side, except the marks that cling to the stretch, as the comma of
 * "officials,"), so the page words it covers do not change. A rewritten
 * piece points at its part of the source where the order allows, else at
 * the whole source passage.
 */
function splitAtLongRuns(
  passage: Passage, page: PreparedText, pageTokens: readonly [number, number],
  source: PreparedText, sourceTokens: readonly [number, number], runs: readonly VerbatimRun[],
): Passage[] {
  interface Piece { from: number; to: number; sourceFrom: number; sourceTo: number; verbatim: boolean }
  const pieces: Piece[] = [];
  let pageFrom = pageTokens[0];
  let sourceFrom = sourceTokens[0];
  for (const run of runs) {
    const start = Math.max(run.page, pageFrom, sourceTokens[0] - run.source + run.page);
    const end = Math.min(run.page + run.length, pageTokens[1], sourceTokens[1] - run.source + run.page);
    if (end - start < ALIGN.minStretchWords) continue;
    const sourceStart = run.source + (start - run.page);
    if (start > pageFrom) pieces.push({ from: pageFrom, to: start, sourceFrom, sourceTo: sourceStart, verbatim: false });
    pieces.push({ from: start, to: end, sourceFrom: sourceStart, sourceTo: sourceStart + (end - start), verbatim: true });
    pageFrom = end;
    sourceFrom = Math.max(sourceFrom, sourceStart + (end - start));
  }
  if (pieces.length === 0) return [passage];
  if (pageFrom < pageTokens[1]) pieces.push({ from: pageFrom, to: pageTokens[1], sourceFrom, sourceTo: sourceTokens[1], verbatim: false });

  const { starts, ends } = page.tokens;
  const text = page.text;
  const sourceSpan = (from: number, to: number): Span => [source.tokens.starts[from]!, source.tokens.ends[to - 1]!];
  return pieces.flatMap((piece, k): Passage[] => {
    const next = pieces[k + 1];
    const previous = pieces[k - 1];
    const from = !previous ? passage.page[0] : piece.verbatim ? starts[piece.from]! : afterClingingMarks(text, ends[previous.to - 1]!);
    const to = !next ? passage.page[1] : next.verbatim ? beforeClingingMarks(text, starts[next.from]!) : ends[piece.to - 1]!;
    const pageSpan = trimSpaces(text, from, to);
    if (pageSpan[1] <= pageSpan[0]) return [];
    if (piece.verbatim) {
      return [{ page: pageSpan, source: sourceSpan(piece.sourceFrom, piece.sourceTo), similarity: 1, kind: 'verbatim' }];
    }
    const inOrder = piece.sourceTo > piece.sourceFrom;
    return [{
      page: pageSpan, source: inOrder ? sourceSpan(piece.sourceFrom, piece.sourceTo) : passage.source,
      similarity: passage.similarity, kind: 'paraphrase',
    }];
  });
}

/** Past the punctuation that clings to the end of a copied stretch (the comma of "officials,"). */
function afterClingingMarks(text: string, at: number): number {
  while (at < text.length && CLINGING_MARK.test(text[at]!)) at++;
  return at;
}

/** Before the punctuation that clings to the start of a copied stretch (the quote mark of “significant). */
function beforeClingingMarks(text: string, at: number): number {
  while (at > 0 && CLINGING_MARK.test(text[at - 1]!)) at--;
  return at;
}

const CLINGING_MARK = /[^\s\p{L}\p{N}\p{M}]/u;

function trimSpaces(text: string, from: number, to: number): Span {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
}

/** The quoted part of a page sentence and of its source sentence (the whole sentence where no quote marks are found). */
function quoteSpans(page: PreparedText, i: number, source: PreparedText, match: SentenceMatch): SharedQuote {
  return { page: quotedPart(page, page.sentences[i]!), source: quotedPart(source, sourceRange(source, match.sourceSentence, match.sourceLast)) };
}

function quotedPart(text: PreparedText, sentence: { start: number; end: number; firstToken: number; endToken: number }): Span {
  let first = -1;
  let last = -1;
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    if (!text.quoted[t]) continue;
    if (first < 0) first = t;
    last = t;
  }
  if (first < 0) return [sentence.start, sentence.end];
  return [text.tokens.starts[first]!, text.tokens.ends[last]!];
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
