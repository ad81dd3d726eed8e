/**
 * Deterministic generator of news-like articles for the benchmark.
 *
 * Words follow a Zipf–Mandelbrot law (s = 1, q = 1) over real English words, so
 * "the" is ~5 % of tokens as in English; each article has 8 topic words that it
 * repeats, a few named people and places, numbers, quotations, and wire-copy
 * stock phrases shared across articles. Article i depends only on (seed, i), so
 * the 1k corpus is a prefix of the 10k one and a query can regenerate its
 * source's structure instead of keeping 100k drafts in memory.
 */
import type { ArticleInput } from '../engine/index.js';
import { createRng, mixSeed, type Rng } from './prng.js';
import type { Vocabulary } from './vocabulary.js';
import { FIRST_NAMES, INSTITUTIONS, OUTLETS, PLACES, STOCK_PHRASES, SURNAMES } from './news-lexicon.js';

/** A clause: words in order; names are capitalised words, numbers start with a digit. */
export type Clause = string[];

export interface Sentence {
  readonly clauses: Clause[];
  /** When set, the sentence is rendered as a quotation attributed to this speaker. */
  readonly speaker: string | null;
}

export interface ArticleDraft {
  readonly title: string;
  readonly paragraphs: Sentence[][];
}

/** Word-count range of a generated article. */
export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

export const ARTICLE_LENGTH: LengthRange = { min: 600, max: 900 };

/** Samples word ranks from Zipf–Mandelbrot p(r) ∝ 1/(r + q)^s, r = 1..V. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, s = 1, q = 1) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 1; r <= size; r++) {
      total += 1 / Math.pow(r + q, s);
      this.cumulative[r - 1] = total;
    }
    for (let i = 0; i < size; i++) this.cumulative[i]! /= total;
  }

  /** A rank in [0, size). */
  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Everything an article is drawn from; build once, reuse for every article. */
export class NewsGenerator {
  private readonly zipf: ZipfSampler;
  private readonly stock: string[][];

  constructor(
    readonly vocabulary: Vocabulary,
    readonly seed: number,
  ) {
    this.zipf = new ZipfSampler(vocabulary.words.length);
    this.stock = STOCK_PHRASES.map((p) => p.split(' '));
  }

  /** A word drawn from the Zipf distribution. */
  zipfWord(rng: Rng): string {
    return this.vocabulary.words[this.zipf.sample(rng)]!;
  }

  /** The draft of corpus article `index`. */
  corpusDraft(index: number): ArticleDraft {
    return this.draft(mixSeed(this.seed, index), ARTICLE_LENGTH);
  }

  /** Corpus article `index` as the engine takes it. */
  corpusArticle(index: number): ArticleInput {
    const draft = this.corpusDraft(index);
    const rng = createRng(mixSeed(this.seed ^ 0x0a17c1e5, index));
    const day = new Date(Date.UTC(2024, 0, 1) + (index % 730) * 86_400_000).toISOString().slice(0, 10);
    const id = `bench_${String(index).padStart(6, '0')}`;
    return {
      id,
      title: draft.title,
      outlet: rng.pick(OUTLETS),
      published: day,
      url: `https://news.example/${day}/${id}`,
      text: renderArticle(draft),
    };
  }

  /** The first `count` corpus articles. */
  corpus(count: number): ArticleInput[] {
    const out: ArticleInput[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = this.corpusArticle(i);
    return out;
  }

  /** A fresh article that is in no corpus: stream `index` of a separate seed space. */
  freshDraft(index: number, length: LengthRange): ArticleDraft {
    return this.draft(mixSeed(this.seed ^ 0x5eed_f00d, index), length);
  }

  /** Generates one article draft from its own seed. */
  draft(articleSeed: number, length: LengthRange): ArticleDraft {
    const rng = createRng(articleSeed);
    const { words, contentStart } = this.vocabulary;
    // Topic words come from the mid-frequency band: specific, but not rare.
    const topics: string[] = [];
    for (let i = 0; i < 8; i++) topics.push(words[rng.int(contentStart + 150, Math.min(words.length - 1, contentStart + 6000))]!);
    const people: string[] = [];
    for (let i = 0; i < 3; i++) people.push(`${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`);
    const places = [rng.pick(PLACES), rng.pick(PLACES)];
    const institution = rng.pick(INSTITUTIONS);

    const clause = (): Clause => {
      if (rng.chance(0.09)) return [...rng.pick(this.stock)];
      const out: string[] = [];
      if (rng.chance(0.14)) out.push(...rng.pick(people).split(' '));
      else if (rng.chance(0.06)) out.push('in', rng.pick(places));
      else if (rng.chance(0.03)) out.push(...institution.split(' '));
      const n = rng.int(5, 12);
      for (let i = 0; i < n; i++) {
        if (rng.chance(0.07)) out.push(rng.pick(topics));
        else if (rng.chance(0.012)) out.push(numberWord(rng));
        else out.push(this.zipfWord(rng));
      }
      return out;
    };

    const target = rng.int(length.min, length.max - 36);
    const paragraphs: Sentence[][] = [];
    let count = 0;
    while (count < target) {
      const paragraph: Sentence[] = [];
      const sentences = rng.int(2, 4);
      for (let s = 0; s < sentences && count < target; s++) {
        const clauses: Clause[] = [];
        const k = rng.int(1, 3);
        for (let c = 0; c < k; c++) clauses.push(clause());
        const speaker = rng.chance(0.1) ? rng.pick(people) : null;
        const sentence: Sentence = { clauses, speaker };
        paragraph.push(sentence);
        count += sentenceWords(sentence);
      }
      paragraphs.push(paragraph);
    }

    const titleWords: string[] = [rng.pick(topics)];
    const titleLength = rng.int(5, 9);
    while (titleWords.length < titleLength) {
      titleWords.push(rng.chance(0.3) ? rng.pick(topics) : words[rng.int(contentStart, contentStart + 3000)]!);
    }
    return { title: titleWords.map(capitalise).join(' '), paragraphs };
  }
}

function numberWord(rng: Rng): string {
  const kind = rng.int(0, 2);
  if (kind === 0) return String(rng.int(2, 99));
  if (kind === 1) return `${rng.int(1, 99)},${String(rng.int(0, 999)).padStart(3, '0')}`;
  return `${rng.int(1, 40)}.${rng.int(1, 9)}`;
}

export function capitalise(word: string): string {
  return word.length === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words a sentence renders to, including "said" and the speaker of a quotation. */
export function sentenceWords(sentence: Sentence): number {
  let n = 0;
  for (const c of sentence.clauses) n += c.length;
  if (sentence.speaker !== null) n += sentence.speaker.split(' ').length + 1;
  return n;
}

/** One sentence as text: clauses joined by commas, a capital first letter, a full stop or a quotation. */
export function renderSentence(sentence: Sentence): string {
  const body = capitalise(sentence.clauses.map((c) => c.join(' ')).join(', '));
  if (sentence.speaker !== null) return `“${body},” ${sentence.speaker} said.`;
  return `${body}.`;
}

export function renderParagraph(paragraph: readonly Sentence[]): string {
  return paragraph.map(renderSentence).join(' ');
}

/** The article body: paragraphs separated by blank lines. */
export function renderArticle(draft: ArticleDraft): string {
  return draft.paragraphs.map(renderParagraph).join('\n\n');
}

/** Whitespace-separated words of a text (the engine's unit of coverage). */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m === null ? 0 : m.length;
}
