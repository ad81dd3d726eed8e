import { describe, expect, test } from 'vitest';
import { itemKey } from '../../src/follow/item-key.js';

describe('the same feed item', () => {
  test.each([
    ['https://www.news.example/a/', 'https://news.example/a?utm_source=rss&utm_medium=feed#top'],
    ['https://news.example/world/port-strike', 'https://news.example/world/port-strike?at_medium=RSS&at_campaign=rss'],
    ['https://news.example/story.php?id=1&page=2', 'https://news.example/story.php?page=2&fbclid=x&id=1'],
  ])('%s = %s', (a, b) => {
    expect(itemKey(a)).toBe(itemKey(b));
  });

  test.each([
    ['https://news.example/story.php?id=1', 'https://news.example/story.php?id=2'],
    ['https://news.example/a', 'https://news.example/b'],
    ['https://news.example/a', 'https://other.example/a'],
  ])('%s ≠ %s', (a, b) => {
    expect(itemKey(a)).not.toBe(itemKey(b));
  });
});
