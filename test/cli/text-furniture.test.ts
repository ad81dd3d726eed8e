/** A text page (`check page.txt`, `build-corpus` of .txt files) loses its furniture lines as an HTML page does (issue 18). */
import { expect, test } from 'vitest';
import { readPage } from '../../src/cli/read-page.js';

const ARTICLE = [
  'Council passes the budget after a long night',
  'The city council passed the budget early on Wednesday after a debate over roads, schools and the new library that residents had asked for since the spring.',
  'Members voted five to two, and the mayor said she would sign it before the end of the week.',
];

test('credited captions, leaked ad script and player lines are dropped from a text file', () => {
  const text = [
    ARTICLE[0],
    'Council members listen to residents during a public hearing at city hall on Tuesday evening, before the vote on the budget. (AP Photo/Jane Photographer)',
    ARTICLE[1],
    "window._ads = window._ads || []; _ads.push({ mode: 'thumbnails', container: 'rail-3' }); _ads.push({ flush: true });",
    'City News Videos • July 15, 2018',
    ARTICLE[2],
  ].join('\n\n');
  const page = readPage(new TextEncoder().encode(text), 'budget.txt');
  expect(page.text).toBe(ARTICLE.join('\n\n'));
  expect(page.title).toBe(ARTICLE[0]);
});

test('a text without furniture is read as it is', () => {
  const text = `${ARTICLE.join('\n\n')}\n`;
  expect(readPage(new TextEncoder().encode(text), 'budget.txt').text).toBe(text);
});
