/**
 * The real-news scrapes (../shared/eval/news-scrape-2018, see its SOURCE.md): one CSV per news
 * event, rows `id, publisher, scrape_time, text`. The data has no URLs and no publication times,
 * so an article's address is made up as `https://<publisher>/<id>` and its publication time is the
 * scrape instant (the closest thing the data has). Paragraphs are separated by ` ### ` in the
 * data; they become blank lines, as a page's paragraphs reach the engine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleInput, PageInput } from '../../engine/index.js';
import { textFileArticle } from '../../cli/text-file-article.js';
import { parseCsvRecords } from './csv.js';

export const NEWS_DATASET = 'news-scrape-2018';

export type NewsSplit = 'dev' | 'test';

/** The event files and their split: dev for error analysis, test never looked at while tuning. */
export const NEWS_FILES: readonly { readonly file: string; readonly name: string; readonly split: NewsSplit }[] = [
  { file: 'helsinki-2018-07-15.csv', name: 'helsinki-2018-07-15', split: 'dev' },
  { file: 'census_articles.csv', name: 'census', split: 'test' },
  { file: 'spotify_articles.csv', name: 'spotify', split: 'test' },
];

export interface NewsArticle {
  /** The row id as in the file (unique within its file). */
  readonly id: string;
  readonly publisher: string;
  /** ISO 8601 instant with its zone offset, as in the file. */
  readonly scrapeTime: string;
  /** Paragraphs separated by blank lines. */
  readonly text: string;
}

export interface NewsFile {
  readonly name: string;
  readonly split: NewsSplit;
  readonly articles: readonly NewsArticle[];
}

export class NewsFormatError extends Error {
  override readonly name = 'NewsFormatError';
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** ` ### ` (the data's paragraph mark) → a blank line; surrounding blanks trimmed. */
export function paragraphText(raw: string): string {
  return raw
    .split(/\s*###\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Articles of one file's CSV text; a missing column, duplicate id or a time without zone is an error. */
export function parseNewsCsv(csv: string, source = 'news CSV'): NewsArticle[] {
  const records = parseCsvRecords(csv);
  const seen = new Set<string>();
  return records.map((r, k) => {
    const where = `${source} row ${k + 2}`;
    for (const column of ['id', 'publisher', 'scrape_time', 'text']) {
      if (r[column] === undefined) throw new NewsFormatError(`${where}: no ${column} column`);
    }
    const id = r['id']!.trim();
    if (!/^\d+$/.test(id)) throw new NewsFormatError(`${where}: id ${JSON.stringify(id)} is not an integer`);
    if (seen.has(id)) throw new NewsFormatError(`${where}: id ${id} appears twice`);
    seen.add(id);
    const scrapeTime = r['scrape_time']!.trim();
    if (!INSTANT_RE.test(scrapeTime) || Number.isNaN(Date.parse(scrapeTime))) {
      throw new NewsFormatError(`${where}: scrape_time ${JSON.stringify(scrapeTime)} is not an instant with a zone`);
    }
    const publisher = r['publisher']!.trim();
    if (!publisher) throw new NewsFormatError(`${where}: empty publisher`);
    return { id, publisher, scrapeTime, text: paragraphText(r['text']!) };
  });
}

export function loadNewsFiles(dir: string): NewsFile[] {
  return NEWS_FILES.map(({ file, name, split }) => ({
    name,
    split,
    articles: parseNewsCsv(readFileSync(path.join(dir, file), 'utf8'), file),
  }));
}

/** The made-up address of an article: the data has none. */
export function articleAddress(a: NewsArticle): string {
  return `https://${a.publisher}/${a.id}`;
}

/** Milliseconds since the epoch of the scrape instant (for "which came first"). */
export function scrapeInstant(a: NewsArticle): number {
  return Date.parse(a.scrapeTime);
}

/**
 * The text the engine gets, as `firsthand build-corpus` and `check` read a text file: furniture
 * lines (credited captions, leaked script, player lines, sharing prompts) dropped.
 */
export function engineText(a: NewsArticle): string {
  return textFileArticle(a.text);
}

/** The article as a corpus entry: its first paragraph (usually the headline) as title. */
export function toArticleInput(a: NewsArticle): ArticleInput {
  const title = a.text.split('\n\n', 1)[0]!.slice(0, 200);
  return { id: a.id, title, outlet: a.publisher, published: a.scrapeTime, url: articleAddress(a), text: engineText(a) };
}

/** The article as a page checked at its own address. */
export function toPageInput(a: NewsArticle): PageInput {
  return { text: engineText(a), url: articleAddress(a), published: a.scrapeTime };
}
