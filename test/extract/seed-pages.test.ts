/**
 * Every seed inside every site template: the extracted text is the seed's article body, paragraph by
 * paragraph, and none of the template's chrome or the seed's captions and boilerplate.
 */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { isExtractionFailure, type ExtractedArticle } from '../../src/extract/types.js';
import { collapse, readPage, seedParts, TEMPLATES } from './seed-fixtures.js';

function extract(name: string): ExtractedArticle {
  const result = extractFromHtml(readPage(name), `http://127.0.0.1/pages/${name}`);
  if (isExtractionFailure(result)) throw new Error(`${name}: ${result.error.message}`);
  return result;
}

describe.each(seedParts.seeds)('seed $prefix', (seed) => {
  it.each(TEMPLATES)('%s template: every body paragraph is extracted, whole and in order', (template) => {
    const article = extract(`${template}-${seed.prefix}.html`);
    expect(article.extractor).toBe('readability');
    const paragraphs = article.text.split('\n\n');
    let cursor = -1;
    for (const body of seed.body) {
      const at = paragraphs.indexOf(collapse(body), cursor + 1);
      expect(at, `missing or out of order: ${body.slice(0, 60)}`).toBeGreaterThan(cursor);
      cursor = at;
    }
    expect(article.title).toBe(seed.title);
    // the day the seed was published; the instant where the template states one with its zone
    expect(article.published?.slice(0, 10) ?? null).toBe(seed.published);
  });

  it.each(TEMPLATES)('%s template: no caption, boilerplate or site chrome in the text', (template) => {
    const article = extract(`${template}-${seed.prefix}.html`);
    const paragraphs = new Set(article.text.split('\n\n'));
    const bodyText = seed.body.map(collapse).join('\n');
    for (const line of seed.boilerplate.map(collapse)) {
      expect(paragraphs.has(line), `boilerplate paragraph kept: ${line.slice(0, 60)}`).toBe(false);
      // A longer boilerplate line must not survive inside another paragraph either.
      if (line.split(' ').length >= 4 && !bodyText.includes(line)) expect(article.text).not.toContain(line);
    }
    for (const marker of seedParts.chromeMarkers) expect(article.text).not.toContain(marker);
    // Nothing but body paragraphs and (at most) the standfirst.
    const allowed = new Set([...seed.body.map(collapse), ...(seed.standfirst ? [collapse(seed.standfirst)] : [])]);
    expect([...paragraphs].filter((p) => !allowed.has(p))).toEqual([]);
  });
});

describe('pages beyond the seeds', () => {
  it('extracts a Spanish article (not refused) with its language and date', () => {
    const article = extract('foreign-es.html');
    expect(article.lang).toBe('es');
    expect(article.published).toBe('2021-11-14T09:05:00Z');
    expect(article.text).toContain('El pleno municipal aprobó el jueves');
    expect(article.text).toContain('recibirán además una rebaja en la tasa de basuras');
    expect(article.text).not.toContain('Noticias relacionadas');
    expect(article.text).not.toContain('Compartir en Facebook');
    expect(article.text).not.toContain('Vecinos observan el río');
  });

  it.each(['no-article.html', 'login.html'])('%s yields a no-article failure, not text', (name) => {
    const result = extractFromHtml(readPage(name));
    expect(isExtractionFailure(result) && result.error.code).toBe('no-article');
  });

  it('an empty document is a failure', () => {
    const result = extractFromHtml('');
    expect(isExtractionFailure(result)).toBe(true);
  });
});

describe('the publication a page states', () => {
  it.each([
    ['modern', '2021-12-09T14:32:00Z'],
    ['wp', '2021-12-09T08:00:00Z'],
  ])('%s template: keeps the instant its metadata gives with a time zone, not only the day', (template, instant) => {
    expect(extract(`${template}-000.html`).published).toBe(instant);
  });
});
