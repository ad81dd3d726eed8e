/**
 * Embedded social posts come out of extraction as a quotation the engine can read: the post's
 * text, then "— Name (@handle) date" (issue 18). Instagram's embed wraps its caption in a link and
 * words its credit "A post shared by …": before, the caption went as a teaser headline and the post
 * was lost.
 */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';

const paragraphs = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) =>
    `<p>On the ${i + 1}th evening the council's ${topic} debate ran for hours, members of both parties trading arguments about budgets, roads and schools while residents waited outside the chamber.</p>`,
  ).join('\n');

function page(embed: string): string {
  return `<!doctype html><html><head><title>Council passes budget</title></head><body><article><h1>Council passes budget</h1>
${paragraphs('budget', 4)}
${embed}
${paragraphs('schools', 3)}
</article></body></html>`;
}

function textOf(html: string): string[] {
  const result = extractFromHtml(html);
  if ('error' in result) throw new Error(result.error.message);
  return result.text.split('\n\n');
}

const TWEET = `<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">The vote tonight is a disgrace for our city and I will fight it. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Jane Mayor (@janemayor) <a href="https://twitter.com/janemayor/status/1">July 15, 2018</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;

const INSTAGRAM = `<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Bla/" data-instgrm-version="9"><div style="padding:8px;">
<div style="background:#F8F8F8;"></div>
<p style="margin:8px 0 0 0;"><a href="https://www.instagram.com/p/Bla/" style="color:#000;" target="_blank">Proud of our team tonight: the budget passed and the schools get their roofs.</a></p>
<p style="color:#c9c8cd;">A post shared by <a href="https://www.instagram.com/samcouncilor/" target="_blank">Sam Councilor</a> (@samcouncilor) on <time style="font-family:Arial" datetime="2018-07-15T03:00:00+00:00">Jul 15, 2018 at 3:00am PDT</time></p></div></blockquote>
<script async defer src="//www.instagram.com/embed.js"></script>`;

describe('embedded posts', () => {
  it('a tweet: its text, then "— Name (@handle) date", without the media link', () => {
    const text = textOf(page(TWEET));
    const at = text.indexOf('The vote tonight is a disgrace for our city and I will fight it.');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('— Jane Mayor (@janemayor) July 15, 2018');
  });

  it('an Instagram post: its caption (a link in the markup) and its credit in the same shape', () => {
    const text = textOf(page(INSTAGRAM));
    const at = text.indexOf('Proud of our team tonight: the budget passed and the schools get their roofs.');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('— Sam Councilor (@samcouncilor) Jul 15, 2018');
    expect(text.join(' ')).not.toMatch(/A post shared by|View this post/);
  });

  it('an embed without a credit is left as the page has it', () => {
    const text = textOf(page('<blockquote class="twitter-tweet"><p>Just words, no credit line at all here for anyone.</p></blockquote>'));
    expect(text).toContain('Just words, no credit line at all here for anyone.');
  });
});
