/**
 * A news page past the engine's word limit: the spun copy of seed 000 (so the checked part
 * has a source, and dozens of passages), then generated fresh text (in no corpus) up to the
 * wanted length. Used by the long-page e2e test and src/bench/long-page-bench.ts.
 */
import { NewsGenerator, countWords, renderParagraph } from '../../../src/bench/news-generator.js';
import { loadVocabulary } from '../../../src/bench/vocabulary.js';
import { seedText } from './seeds.js';

const GENERATOR_SEED = 0x00f1_257a;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function longNewsPage(targetWords: number): { html: string; words: number } {
  const generator = new NewsGenerator(loadVocabulary(), GENERATOR_SEED);
  const [title, ...body] = seedText('001').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const paragraphs = [...body];
  let words = countWords([title, ...paragraphs].join(' '));
  for (let i = 0; words < targetWords; i++) {
    for (const paragraph of generator.freshDraft(i, { min: 700, max: 900 }).paragraphs.map(renderParagraph)) {
      paragraphs.push(paragraph);
      words += countWords(paragraph);
    }
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title></head>
<body><main><article><h1>${escapeHtml(title ?? '')}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main></body></html>`;
  return { html, words };
}
