/** Seed articles as realistic news pages in jsdom, and the seeds corpus built with the real engine. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { readArticleFolder } from '../../../src/cli/article-folder.js';
import { LEXICON_FILE, SEEDS_DIR } from '../../../src/build/paths.js';
import { buildCorpusIndex, EMPTY_LEXICON, type ArticleInput } from '../../../src/engine/index.js';
import { engine } from '../../../src/extension/engine.js';
import type { EnginePort } from '../../../src/extension/engine-port.js';

export const seedArticles: ArticleInput[] = await readArticleFolder(SEEDS_DIR);
export const seedsCorpusBytes: Uint8Array = buildCorpusIndex(seedArticles);

export function seed(idPrefix: string): ArticleInput {
  const found = seedArticles.find((a) => a.id.startsWith(idPrefix));
  if (found === undefined) throw new Error(`no seed ${idPrefix}`);
  return found;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page around an article: navigation, teaser sidebar, comments, footer. */
export function newsPageHtml(article: { title: string; text: string }, site = 'The Daily Example'): string {
  const paragraphs = article.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  // Seed texts start with their headline; the page shows it as <h1>.
  const body = paragraphs[0]?.trim() === article.title.trim() ? paragraphs.slice(1) : paragraphs;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(article.title)} | ${site}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escape(article.title)}</h1><p class="byline">By Staff Reporter</p>
${body.map((p) => `<p>${escape(p.trim())}</p>`).join('\n')}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Markets rally</a></li></ul></aside></main>
<section class="comments"><h2>Comments</h2><p>Great read!</p></section>
<footer><p>© ${site}. All rights reserved.</p></footer></body></html>`;
}

export function pageDom(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, pretendToBeVisual: true });
}

/** The shipped engine with the built lexicon when `npm run build` has made it, else without synonyms. */
export const testEngine: EnginePort = {
  ...engine,
  loadLexicon: (bytes) => (bytes.length === 0 ? EMPTY_LEXICON : engine.loadLexicon(bytes)),
};

export function lexiconBytes(): Uint8Array {
  return existsSync(LEXICON_FILE) ? new Uint8Array(readFileSync(LEXICON_FILE)) : new Uint8Array(0);
}

export const repoFile = (...parts: string[]): string => path.join(path.dirname(SEEDS_DIR), ...parts);
