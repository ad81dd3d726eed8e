import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ArticleInput } from '../../src/engine/index.js';
import type { FetchedArticle } from '../../src/follow/follow-run.js';
import { EMPTY_FOLLOW_STATE, type FollowState } from '../../src/follow/follow-state.js';
import { mergeFollowed, retentionDue, textKey } from '../../src/follow/followed-corpus.js';
import { itemKey } from '../../src/follow/item-key.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const DAY = 86_400_000;
const limits = { maxAgeDays: 90, maxArticles: null };

function fetched(path: string, text: string, overrides: Partial<FetchedArticle> = {}): FetchedArticle {
  return {
    url: `https://news.example${path}`, title: `Title of ${path}`, outlet: 'Example News', published: '2026-12-02T10:00:00.000Z',
    text, source: 'https://news.example/', fetchedAt: new Date(NOW).toISOString(), ...overrides,
  };
}

const archived: ArticleInput = { id: 'archive-1', title: 'From the archive', outlet: 'Old Times', published: '2019-05-01', url: 'https://old.example/1', text: 'An article from 2019 the corpus held before it was followed.' };

describe('adding a run\'s articles', () => {
  test('new articles get ids, a publication day in the corpus and the instant and first-seen time in the state', () => {
    const merged = mergeFollowed([archived], [fetched('/a', 'Alpha text.')], EMPTY_FOLLOW_STATE, NOW, limits);
    expect(merged.added).toBe(1);
    const added = merged.articles[1]!;
    expect(added).toMatchObject({ title: 'Title of /a', outlet: 'Example News', published: '2026-12-02', url: 'https://news.example/a', text: 'Alpha text.' });
    expect(added.id).toMatch(/^follow-[0-9a-f]{14}$/);
    expect(merged.state.articles[added.id]).toEqual({ url: 'https://news.example/a', firstSeen: '2026-12-03T12:00:00.000Z', published: '2026-12-02T10:00:00.000Z', source: 'https://news.example/' });
  });

  test('the same address is stored once: an updated article replaces the older version and keeps its first-seen time', () => {
    const first = mergeFollowed([], [fetched('/a', 'Alpha text.')], EMPTY_FOLLOW_STATE, NOW, limits);
    const id = first.articles[0]!.id;
    const later = NOW + DAY;
    const second = mergeFollowed(first.articles, [fetched('/a?utm_source=rss', 'Alpha text, corrected.', { fetchedAt: new Date(later).toISOString() })], first.state, later, limits);
    expect(second).toMatchObject({ added: 0, replaced: 1 });
    expect(second.articles).toHaveLength(1);
    expect(second.articles[0]).toMatchObject({ id, text: 'Alpha text, corrected.' });
    expect(second.state.articles[id]!.firstSeen).toBe(first.state.articles[id]!.firstSeen);
  });

  test('articles numbered in the query are two articles; a tracking parameter does not make a third', () => {
    const merged = mergeFollowed([], [fetched('/story.php?id=1', 'First.'), fetched('/story.php?id=2', 'Second.'), fetched('/story.php?utm_medium=rss&id=1', 'First, updated.')], EMPTY_FOLLOW_STATE, NOW, limits);
    expect(merged).toMatchObject({ added: 2, replaced: 1 });
    expect(merged.articles.map((a) => a.text)).toEqual(['First, updated.', 'Second.']);
  });

  test('the same text at a second address is stored once (the first seen)', () => {
    const merged = mergeFollowed([], [fetched('/a', 'Shared   wire story.'), fetched('/syndicated/a', 'shared wire story.')], EMPTY_FOLLOW_STATE, NOW, limits);
    expect(merged).toMatchObject({ added: 1, duplicates: 1 });
    expect(merged.articles.map((a) => a.url)).toEqual(['https://news.example/a']);
  });

  test('an unchanged article fetched again changes nothing', () => {
    const first = mergeFollowed([], [fetched('/a', 'Alpha text.')], EMPTY_FOLLOW_STATE, NOW, limits);
    const again = mergeFollowed(first.articles, [fetched('/a', 'Alpha text.')], first.state, NOW, limits);
    expect(again).toMatchObject({ added: 0, replaced: 0, duplicates: 0, expired: 0 });
    expect(again.articles).toEqual(first.articles);
  });
});

describe('retention', () => {
  test('followed articles older than the window go (by publication, else first seen); the corpus\'s own articles stay', () => {
    const old = fetched('/old', 'Old text.', { published: new Date(NOW - 91 * DAY).toISOString() });
    const undatedOld = fetched('/undated', 'Undated text.', { published: null, fetchedAt: new Date(NOW - 100 * DAY).toISOString() });
    const fresh = fetched('/fresh', 'Fresh text.');
    const merged = mergeFollowed([archived], [old, undatedOld, fresh], EMPTY_FOLLOW_STATE, NOW, limits);
    expect(merged.articles.map((a) => a.url)).toEqual([archived.url, 'https://news.example/fresh']);
    expect(merged.expired).toBe(2);
    expect(Object.values(merged.state.articles).map((r) => r.url)).toEqual(['https://news.example/fresh']);
  });

  test('--max-articles keeps the newest followed articles', () => {
    const three = ['/1', '/2', '/3'].map((p, i) => fetched(p, `Text ${p}.`, { published: new Date(NOW - i * DAY).toISOString() }));
    const merged = mergeFollowed([archived], three, EMPTY_FOLLOW_STATE, NOW, { maxAgeDays: 90, maxArticles: 2 });
    expect(merged.articles.map((a) => a.url)).toEqual([archived.url, 'https://news.example/1', 'https://news.example/2']);
  });

  test('retentionDue says when a run without new articles must still rewrite the corpus', () => {
    const merged = mergeFollowed([], [fetched('/a', 'A.')], EMPTY_FOLLOW_STATE, NOW, limits);
    expect(retentionDue(merged.state, NOW, limits)).toBe(false);
    expect(retentionDue(merged.state, NOW + 88 * DAY, limits)).toBe(false); // published a day before NOW
    expect(retentionDue(merged.state, NOW + 91 * DAY, limits)).toBe(true);
    expect(retentionDue(merged.state, NOW, { maxAgeDays: 90, maxArticles: 0 })).toBe(true);
  });
});

describe('invariants', () => {
  test('after any sequence of runs: unique ids, one article per address key and per text, every followed record in the corpus', () => {
    const path = fc.constantFrom('/a', '/a?utm_source=rss', '/a?id=2', '/b', '/c', '/d/');
    const text = fc.constantFrom('One.', 'one.', 'Two.', 'Three.', 'Four four.');
    const run = fc.array(fc.tuple(path, text, fc.integer({ min: 0, max: 120 })), { maxLength: 6 });
    fc.assert(fc.property(fc.array(run, { maxLength: 4 }), (runs) => {
      let articles: readonly ArticleInput[] = [archived];
      let state: FollowState = EMPTY_FOLLOW_STATE;
      runs.forEach((batch, day) => {
        const now = NOW + day * DAY;
        const items = batch.map(([p, t, age]) => fetched(p, t, { published: new Date(now - age * DAY).toISOString(), fetchedAt: new Date(now).toISOString() }));
        const merged = mergeFollowed(articles, items, state, now, limits);
        articles = merged.articles;
        state = merged.state;
      });
      const ids = articles.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      const keys = articles.map((a) => itemKey(a.url!));
      expect(new Set(keys).size).toBe(keys.length);
      const texts = articles.map((a) => textKey(a.text));
      expect(new Set(texts).size).toBe(texts.length);
      for (const id of Object.keys(state.articles)) expect(ids).toContain(id);
      expect(articles[0]).toEqual(archived);
    }));
  });
});
