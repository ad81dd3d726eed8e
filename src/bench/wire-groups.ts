/**
 * Wire groups for the benchmark corpus: a wire story (a fresh article with an agency dateline)
 * carried by many outlets the same day, each with its own masthead and footer, as real news is
 * mostly licensed wire copy republished by dozens of sites within hours (issue 17, part 4).
 * Deterministic in (generator seed, story index); story `s` has `carriers` carriers.
 */
import type { ArticleInput } from '../engine/index.js';
import { createRng, mixSeed } from './prng.js';
import { ARTICLE_LENGTH, renderArticle, type NewsGenerator } from './news-generator.js';
import { OUTLETS, PLACES } from './news-lexicon.js';

/** The day every wire story runs, after every ordinary corpus article and before the query pages. */
export const WIRE_DAY = '2026-05-20';
const WIRES = ['AP', 'Reuters', 'AFP'] as const;

/** The wire copy of story `story`: a dateline and an article nobody else in the corpus has. */
export function wireStoryText(generator: NewsGenerator, story: number): string {
  const rng = createRng(mixSeed(generator.seed ^ 0x0717e5, story));
  const body = renderArticle(generator.freshDraft(mixSeed(0x0717e5, story), ARTICLE_LENGTH));
  return `${rng.pick(PLACES).toUpperCase()} (${rng.pick(WIRES)}) — ${body}`;
}

/** When carrier `carrier` ran the story: the first at 06:00 UTC, the others within the next ten hours, in no id order. */
export function carrierPublished(story: number, carrier: number): string {
  const minutes = carrier === 0 ? 0 : 1 + (mixSeed(story, carrier) >>> 0) % 600;
  const at = new Date(Date.parse(`${WIRE_DAY}T06:00:00Z`) + minutes * 60_000);
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** Carrier `carrier` of story `story`: the wire copy between the outlet's masthead and footer. */
export function wireCarrier(generator: NewsGenerator, story: number, carrier: number, text = wireStoryText(generator, story)): ArticleInput {
  const outlet = `${OUTLETS[carrier % OUTLETS.length]} ${Math.floor(carrier / OUTLETS.length) + 1}`;
  const id = `wire_${String(story).padStart(4, '0')}_${String(carrier).padStart(2, '0')}`;
  return {
    id,
    title: text.split(/[.,]/, 1)[0]!.slice(0, 80),
    outlet,
    published: carrierPublished(story, carrier),
    url: `https://carrier${carrier}.example/${WIRE_DAY}/${id}`,
    text: `${outlet} | News\n\n${text}\n\nCopyright ${WIRE_DAY.slice(0, 4)} ${outlet}. All rights reserved. Follow ${outlet} for more.`,
  };
}

/** Every carrier of `stories` wire stories, `carriers` each. */
export function wireGroups(generator: NewsGenerator, stories: number, carriers: number): ArticleInput[] {
  const out: ArticleInput[] = [];
  for (let s = 0; s < stories; s++) {
    const text = wireStoryText(generator, s);
    for (let c = 0; c < carriers; c++) out.push(wireCarrier(generator, s, c, text));
  }
  return out;
}
