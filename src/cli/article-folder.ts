import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../engine/index.js';
import { publicationTime } from '../engine/text/published.js';
import { CliError, ExitCode } from './cli-error.js';
import { readPage } from './read-page.js';
import { readInput } from './read-input.js';
import { printableLine } from './terminal-text.js';

/** One entry of a folder's optional `catalog.json`. Every field but `id` is optional. */
interface CatalogEntry {
  id: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

const ARTICLE_FILE = /\.(txt|text|md|html?|xhtml)$/i;

/**
 * Reads a folder of articles for a corpus: text and HTML files (HTML through
 * the extension's extraction), with metadata from `catalog.json` where it has
 * an entry for the file (`id` = file name without extension). Articles without
 * an entry are allowed: their title is their first line or the page's headline,
 * and they are undated unless the page's metadata dates them.
 */
export async function readArticleFolder(folder: string): Promise<ArticleInput[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => ARTICLE_FILE.test(n)).sort();
  } catch {
    throw new CliError(ExitCode.Corpus, `${folder}: not a readable folder`);
  }
  const catalog = await readCatalog(folder);
  const articles: ArticleInput[] = [];
  for (const name of names) {
    const id = name.replace(/\.[^.]+$/, '');
    const entry = catalog.get(id);
    let page;
    try {
      // A file that cannot be read (no permission, a dangling link, a folder named *.txt) is skipped
      // like one that cannot be decoded: the rest of the archive is still a corpus.
      page = readPage(await readInput(path.join(folder, name)), name);
    } catch (error) {
      if (error instanceof CliError) {
        process.stderr.write(`firsthand: skipping ${printableLine(error.message)}\n`);
        continue;
      }
      throw error;
    }
    const published = entry?.published ?? page.published;
    articles.push({
      id,
      title: entry?.title ?? page.title ?? id,
      outlet: entry?.outlet ?? null,
      // an instant stays an instant: a same-day copy is told from its original by the hour
      published: publicationTime(typeof published === 'string' ? published : null),
      url: entry?.url ?? page.url,
      text: page.text,
    });
  }
  if (articles.length === 0) throw new CliError(ExitCode.Corpus, `${folder}: no article files (.txt or .html) found`);
  return articles;
}

async function readCatalog(folder: string): Promise<Map<string, CatalogEntry>> {
  let raw: string;
  try {
    raw = await readFile(path.join(folder, 'catalog.json'), 'utf8');
  } catch {
    return new Map();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new CliError(ExitCode.Corpus, `${folder}/catalog.json: not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { articles?: unknown }).articles;
  if (!Array.isArray(list)) throw new CliError(ExitCode.Corpus, `${folder}/catalog.json: expected an array of articles or { "articles": [...] }`);
  const entries = new Map<string, CatalogEntry>();
  for (const item of list) {
    if (item && typeof item === 'object' && typeof (item as CatalogEntry).id === 'string') entries.set((item as CatalogEntry).id, item as CatalogEntry);
  }
  return entries;
}
