/**
 * The time a growing corpus first saw an article is a clock no page sets: the dates rule reads an
 * article as out by then, whatever it (or its absence of a date) says.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus } from '../../../src/engine/index.js';
import { recordedDate } from '../../../src/engine/verdict/direction.js';
import { seedArticles } from '../../helpers/seed-corpus.js';

describe('first seen', () => {
  test('bounds the stated publication and dates an undated article', () => {
    expect(recordedDate({ published: '2021-12-09', firstSeen: '2026-01-05T10:00:00.000Z' })).toBe('2021-12-09');
    expect(recordedDate({ published: '2027-01-01', firstSeen: '2026-01-05T10:00:00.000Z' })).toBe('2026-01-05T10:00:00Z');
    expect(recordedDate({ published: null, firstSeen: '2026-01-05T10:00:00.000Z' })).toBe('2026-01-05T10:00:00Z');
    expect(recordedDate({ published: null })).toBeNull();
    expect(recordedDate({ published: '2021-12-09', firstSeen: 'not a time' })).toBe('2021-12-09');
  });

  test('an undated article first seen before a later-dated copy of it is the copy\'s source', () => {
    const original = { ...seedArticles()[1]!, published: null, url: 'https://origin.example/story' };
    const page = { text: original.text, url: 'https://scraper.example/story', published: '2026-02-01' };
    const unseen = attribute(page, [loadCorpus(buildCorpusIndex([original]))]);
    expect(unseen.sources[0]!.relation).toBe('unknown-order');
    const seen = attribute(page, [loadCorpus(buildCorpusIndex([{ ...original, firstSeen: '2026-01-05T10:00:00.000Z' }]))]);
    expect(seen.sources[0]!.relation).toBe('source');
    expect(seen).toMatchObject({ status: 'copy', likelyOriginal: original.id });
  });
});
