/** Issue 17, part 4 (first step): a wire story is one story with many carriers, none its author. */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type ArticleInput } from '../../../src/engine/index.js';
import { lexicon, seedText } from '../../helpers/seed-corpus.js';

const story = `WASHINGTON (AP) — ${seedText('003')}`;
const carrier = (id: string, url: string, published: string): ArticleInput => ({ id, title: 'Story', outlet: null, published, url, text: story });
const synonyms = lexicon();

describe('a page carrying a wire story', () => {
  const corpus = loadCorpus(buildCorpusIndex([
    carrier('first-carrier', 'https://first.example/story', '2021-12-09T09:00:00Z'),
    carrier('second-carrier', 'https://second.example/story', '2021-12-09T10:00:00Z'),
  ]));

  test('is a copy, with the wire named, the carriers counted and the earliest as where it was first seen', () => {
    const verdict = attribute({ text: story, url: 'https://third.example/story', published: '2021-12-09T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.wire).toEqual({ name: 'Associated Press', carriers: 2, firstSeen: 'first-carrier' });
    expect(verdict.likelyOriginal).toBe('first-carrier');
  });

  test('the wire itself carries no wire copy', () => {
    const verdict = attribute({ text: story, url: 'https://apnews.com/article/story', published: '2021-12-09T08:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.wire).toBeNull();
  });

  test('a page that credits no wire is no wire copy', () => {
    const verdict = attribute({ text: seedText('003'), url: 'https://third.example/story' }, [corpus], { lexicon: synonyms });
    expect(verdict.wire).toBeNull();
  });
});
