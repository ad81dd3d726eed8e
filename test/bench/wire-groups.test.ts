import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/bench/vocabulary.js';
import { NewsGenerator } from '../../src/bench/news-generator.js';
import { wireGroups, wireStoryText } from '../../src/bench/wire-groups.js';
import { creditsIn } from '../../src/engine/verdict/credits.js';
import { wireOf } from '../../src/engine/text/wire-bylines.js';

const generator = new NewsGenerator(loadVocabulary(), 20261122);

describe('wire groups in the bench corpus', () => {
  const carriers = wireGroups(generator, 3, 30);

  it('are the same each time: one story, thirty carriers at addresses of their own', () => {
    expect(wireGroups(generator, 3, 30)).toEqual(carriers);
    expect(carriers).toHaveLength(90);
    expect(new Set(carriers.map((c) => c.url)).size).toBe(90);
    expect(new Set(carriers.map((c) => c.id)).size).toBe(90);
  });

  it('carry the wire copy whole under a credited dateline, each inside its own masthead and footer', () => {
    const story = wireStoryText(generator, 1);
    const group = carriers.filter((c) => c.id.startsWith('wire_0001_'));
    expect(group).toHaveLength(30);
    for (const c of group) expect(c.text).toContain(story);
    expect(new Set(group.map((c) => c.text)).size).toBe(30);
    expect(creditsIn(story).some((credit) => credit.name !== null && wireOf(credit.name) !== null)).toBe(true);
  });

  it('are published the same day, the first carrier strictly earliest, the others in no id order', () => {
    const group = carriers.filter((c) => c.id.startsWith('wire_0000_'));
    const times = group.map((c) => Date.parse(c.published!));
    expect(times.every((t) => t > times[0]!) || times.slice(1).every((t) => t > times[0]!)).toBe(true);
    expect([...times.slice(1)].sort((a, b) => a - b)).not.toEqual(times.slice(1));
    expect(new Set(group.map((c) => c.published!.slice(0, 10))).size).toBe(1);
  });
});
