/** Issue 17, part 4: a wire story is one story with many carriers, none its author. */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type ArticleInput } from '../../../src/engine/index.js';
import { lexicon, seedArticles, seedId, seedText } from '../../helpers/seed-corpus.js';

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

  test('a page that dropped the credit still carries the wire\'s story, first seen at the earliest carrier', () => {
    // real-news dev: a copy of a credited carrier named the carrier as its author
    const verdict = attribute({ text: seedText('003'), url: 'https://third.example/story', published: '2021-12-09T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.wire).toEqual({ name: 'Associated Press', carriers: 2, firstSeen: 'first-carrier' });
    expect(verdict.likelyOriginal).toBe('first-carrier');
  });

  test('a page that credits no wire, copying an article that credits none, is no wire copy', () => {
    const plain = loadCorpus(buildCorpusIndex([{ ...carrier('first-carrier', 'https://first.example/story', '2021-12-09T09:00:00Z'), text: seedText('003') }]));
    const verdict = attribute({ text: seedText('003'), url: 'https://third.example/story', published: '2021-12-09T12:00:00Z' }, [plain], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.wire).toBeNull();
  });

  test('a copy of the wire\'s own article names the wire as its author', () => {
    const own = loadCorpus(buildCorpusIndex([carrier('wire-own', 'https://apnews.com/article/story', '2021-12-09T08:00:00Z')]));
    const verdict = attribute({ text: seedText('003'), url: 'https://third.example/story', published: '2021-12-09T12:00:00Z' }, [own], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('wire-own');
    expect(verdict.wire).toBeNull();
  });
});

describe('a wire story carried by many sites', () => {
  // thirty carriers, each with its own masthead and footer lines; the earliest is neither first by id nor the best ranked
  const CARRIERS = 30;
  const EARLIEST = 17;
  const carriers = Array.from({ length: CARRIERS }, (_, i): ArticleInput => ({
    id: `carrier-${String(i).padStart(2, '0')}`, title: 'Story', outlet: `Outlet ${i}`, url: `https://outlet${i}.example/story`,
    published: i === EARLIEST ? '2021-12-30T08:00:00Z' : `2021-12-30T${String(10 + (i % 12)).padStart(2, '0')}:00:00Z`,
    text: `Outlet ${i} News\n\n${story}\n\nCopyright 2021 Outlet ${i}. All rights reserved.`,
  }));
  const other = seedArticles().find((a) => a.id === seedId('000'))!;
  const corpus = loadCorpus(buildCorpusIndex([...carriers, other]));
  // a short page: the wire story and four paragraphs of another story (12 retrieval slots)
  const borrowed = seedText('000').split('\n').filter((l) => l.trim().length > 80).slice(0, 4).join('\n\n');
  const page = { text: `${story}\n\n${borrowed}`, url: 'https://reader.example/story', published: '2021-12-30T18:00:00Z' };

  test('takes one retrieval slot: the check still sees the other story the page draws on', () => {
    // Before grouping: the carriers filled every slot and the other story was never aligned.
    const verdict = attribute(page, [corpus], { lexicon: synonyms });
    expect(verdict.sources.map((s) => s.id)).toContain(other.id);
  });

  test('counts every carrier, names the earliest as where the text was first seen, and no carrier as author', () => {
    const verdict = attribute(page, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.wire).toEqual({ name: 'Associated Press', carriers: CARRIERS, firstSeen: carriers[EARLIEST]!.id });
    expect(verdict.likelyOriginal).toBe(carriers[EARLIEST]!.id);
    for (const s of verdict.sources.filter((x) => x.id.startsWith('carrier-'))) {
      expect(s.evidence.find((e) => e.kind === 'credit')?.says).toBe('unknown-order');
    }
  });
});

describe('a wire story carried by more sites than are aligned', () => {
  // thirty dated carriers, and one that states no date but that this corpus saw before any of them
  const dated = Array.from({ length: 30 }, (_, i): ArticleInput => ({
    id: `carrier-${String(i).padStart(2, '0')}`, title: 'Story', outlet: `Outlet ${i}`, url: `https://outlet${i}.example/story`,
    published: `2021-12-30T${String(10 + (i % 12)).padStart(2, '0')}:00:00Z`, text: `Outlet ${i} News\n\n${story}\n\nCopyright 2021 Outlet ${i}.`,
  }));
  const seenFirst: ArticleInput = {
    id: 'seen-first', title: 'Story', outlet: 'Early Outlet', url: 'https://early.example/story', published: null,
    firstSeen: '2021-12-30T07:00:00Z', text: `Early Outlet\n\n${story}\n\nCopyright 2021 Early Outlet.`,
  };
  const corpus = loadCorpus(buildCorpusIndex([...dated, seenFirst]));

  test('aligns the carrier first seen earliest, though it states no date', () => {
    const verdict = attribute({ text: story, url: 'https://reader.example/story', published: '2021-12-30T18:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.sources.map((s) => s.id)).toContain('seen-first');
  });
});

describe('a carrier in the corpus, checked at its own address', () => {
  // an early version of the story and a later update that keeps its first paragraphs and adds more
  const paragraphs = seedText('003').split('\n').filter((l) => l.trim().length > 0);
  const early = `WASHINGTON (AP) — ${paragraphs.slice(0, 9).join('\n\n')}`;
  const update = `${early}\n\n${paragraphs.slice(9).join('\n\n')}`;
  const article = (id: string, text: string, published: string): ArticleInput => ({ id, title: id, outlet: null, published, url: `https://${id}.example/story`, text });

  test('that carries wire copy is partial of the earlier carrier it took passages from, not original', () => {
    // Before: `original`, being the corpus article at its own address.
    const corpus = loadCorpus(buildCorpusIndex([article('early', early, '2021-12-30T08:00:00Z'), article('update', update, '2021-12-30T12:00:00Z')]));
    const verdict = attribute({ text: update, url: 'https://update.example/story', published: '2021-12-30T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.self).toBe('update');
    expect(verdict.status).toBe('partial');
    expect(verdict.likelyOriginal).toBe('early');
  });

  test('that credits no wire stays original: only a credit says its words were written elsewhere', () => {
    const plain = (t: string) => t.replace('WASHINGTON (AP) — ', '');
    const corpus = loadCorpus(buildCorpusIndex([article('early', plain(early), '2021-12-30T08:00:00Z'), article('update', plain(update), '2021-12-30T12:00:00Z')]));
    const verdict = attribute({ text: plain(update), url: 'https://update.example/story', published: '2021-12-30T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('original');
  });
});

describe('syndication services are wires to their clients', () => {
  // real-news dev: CNN's stories on local TV sites (news4jax, clickondetroit) and a Washington Post story in the
  // Boston Globe, copied by others, named the local site as the author
  test.each([
    ['CNN', `WASHINGTON (CNN) — ${seedText('003')}`, 'https://www.news4jax.example/news/politics/story'],
    ['The Washington Post', `By Anne Gearan, The Washington Post\n\n${seedText('003')}`, 'https://www.globe.example/news/story'],
  ])('a copy of a client carrying %s is first seen at the client', (name, text, url) => {
    const corpus = loadCorpus(buildCorpusIndex([{ id: 'client', title: 'Story', outlet: null, published: '2021-12-09T09:00:00Z', url, text }]));
    const verdict = attribute({ text: seedText('003'), url: 'https://scraper.example/story', published: '2021-12-09T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.wire).toEqual({ name, carriers: 1, firstSeen: 'client' });
  });
});

describe('a story credited by a syndication line to an outlet that is no wire', () => {
  // real-news dev: zerohedge ran Oilprice.com's article ("Authored by … via Oilprice.com,") and beforeitsnews
  // pasted it, credit and all, nine seconds later; beforeitsnews was called a copy with zerohedge as its author
  const credited = `Authored by Tsvetana Paraskova via Oilprice.com,\n\n${seedText('003')}`;
  const corpus = loadCorpus(buildCorpusIndex([{ id: 'zerohedge', title: 'Story', outlet: null, published: '2021-12-09T09:00:00Z', url: 'https://www.zerohedge.example/news/story', text: credited }]));

  test('is that outlet\'s story, first seen at the earlier carrier', () => {
    const verdict = attribute({ text: credited, url: 'https://beforeitsnews.example/story', published: '2021-12-09T09:01:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('zerohedge');
    expect(verdict.wire).toEqual({ name: 'Oilprice.com', carriers: 1, firstSeen: 'zerohedge' });
  });

  test('a copy of the credited outlet\'s own article names it as the author, not as a carrier', () => {
    const own = loadCorpus(buildCorpusIndex([{ id: 'oilprice', title: 'Story', outlet: 'Oilprice.com', published: '2021-12-09T08:00:00Z', url: 'https://oilprice.com/story', text: seedText('003') }]));
    const verdict = attribute({ text: credited, url: 'https://www.zerohedge.example/news/story', published: '2021-12-09T09:00:00Z' }, [own], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('oilprice');
    expect(verdict.wire).toEqual({ name: 'Oilprice.com', carriers: 0, firstSeen: null });
  });
});

describe('one text carried by several outlets, none credited', () => {
  // real-news dev: AP stories whose carriers dropped the credit (Tribune, McClatchy papers) and a USA Today
  // network gallery on four Gannett sites were each called a copy with the first carrier as the author
  const plain = seedText('003');
  const article = (id: string, url: string, published: string): ArticleInput => ({ id, title: 'Story', outlet: null, published, url, text: plain });
  const page = { text: plain, url: 'https://www.charlotte.example/news/story', published: '2021-12-09T12:00:00Z' };

  test('is syndicated copy: the first carrier is where the text was first seen, no author named', () => {
    const corpus = loadCorpus(buildCorpusIndex([
      article('miami', 'https://www.miami.example/news/story', '2021-12-09T09:00:00Z'),
      article('houston', 'https://www.houston.example/news/story', '2021-12-09T10:00:00Z'),
    ]));
    const verdict = attribute(page, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('miami');
    expect(verdict.wire).toEqual({ name: null, carriers: 2, firstSeen: 'miami' });
  });

  test('a copy of a wire\'s own article, carried by others too, names the wire\'s article as its author', () => {
    // real-news dev: a Gannett paper carrying USA Today's own story (usatoday.com first) was called syndicated copy
    const corpus = loadCorpus(buildCorpusIndex([
      article('usatoday', 'https://www.usatoday.com/story/news/story', '2021-12-09T08:00:00Z'),
      article('miami', 'https://www.miami.example/news/story', '2021-12-09T09:00:00Z'),
      article('houston', 'https://www.houston.example/news/story', '2021-12-09T10:00:00Z'),
    ]));
    const verdict = attribute(page, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('usatoday');
    expect(verdict.wire).toBeNull();
  });

  test('a text at one other site only is a copy of it, and names no syndication', () => {
    const corpus = loadCorpus(buildCorpusIndex([
      article('miami', 'https://www.miami.example/news/story', '2021-12-09T09:00:00Z'),
      article('miami-amp', 'https://amp.miami.example/news/story', '2021-12-09T09:30:00Z'),
    ]));
    const verdict = attribute(page, [corpus], { lexicon: synonyms });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe('miami');
    expect(verdict.wire).toBeNull();
  });
});

describe('a corpus article crediting a partner outlet, checked at its own address', () => {
  // real-news dev #4619: zerohedge's run of a Strategic Culture Foundation piece shared a rail card with an
  // earlier zerohedge post and was called partial of it
  test('stays original: only a wire\'s credit makes a lifted passage a source', () => {
    const paragraphs = seedText('003').split('\n').filter((l) => l.trim().length > 0);
    const early = paragraphs.slice(0, 9).join('\n\n');
    const partner = `Authored by Federico Pieraccini via The Strategic Culture Foundation,\n\n${early}\n\n${paragraphs.slice(9).join('\n\n')}`;
    const corpus = loadCorpus(buildCorpusIndex([
      { id: 'early', title: 'early', outlet: null, published: '2021-12-30T08:00:00Z', url: 'https://early.example/story', text: early },
      { id: 'partner', title: 'partner', outlet: null, published: '2021-12-30T12:00:00Z', url: 'https://partner.example/story', text: partner },
    ]));
    const verdict = attribute({ text: partner, url: 'https://partner.example/story', published: '2021-12-30T12:00:00Z' }, [corpus], { lexicon: synonyms });
    expect(verdict.self).toBe('partner');
    expect(verdict.status).toBe('original');
  });
});

describe('a portal’s card of a network clip or an agency photo, copied by another portal', () => {
  // real-news dev #4758 (Yahoo) copied CenturyLink's card of an NBC clip, #965 (Google News) USA Today's gallery
  // caption of an AFP photo: each named the other portal as its author, though both carry the network's or agency's words
  const blurb = 'Sen. Mark Warner (D-Va.), Vice Chair of the Senate Intelligence Committee, tells Chuck Todd that Russian President Vladimir Putin could have "maps of Syria, maps of Ukraine" prepared for his meeting with President Trump.';
  const title = 'Full Warner: Putin could try to take advantage of Trump';

  test('a clip card under the network’s name is the network’s: the earlier card is where it was first seen', () => {
    const corpus = loadCorpus(buildCorpusIndex([
      { id: 'portal-card', title, outlet: null, published: '2018-07-15T10:24:53-04:00', url: 'https://portal.example/news/video/warner', text: `${title}\n\nNBC News\n\n${blurb}\n\nClose` },
    ]));
    const verdict = attribute({ text: `${title}\n\nPortal View •\n\nJuly 15, 2018\n\n${blurb}`, url: 'https://other-portal.example/news/warner', published: '2018-07-15T22:56:58-04:00' }, [corpus], { lexicon: synonyms });
    expect(verdict.likelyOriginal).toBe('portal-card');
    expect(verdict.wire).toEqual({ name: 'NBC News', carriers: 1, firstSeen: 'portal-card' });
  });

  test('a photo card that is an agency’s caption is the agency’s: the gallery is where it was first seen', () => {
    const caption = 'People hold placards and banners during the so-called "Helsinki Calling" march towards the Senate Square to defend the human rights, freedom of speech and democracy on July 15, 2018, ahead of the arrival of US President for a summit with his Russian counterpart in the Finnish capital Helsinki.';
    const others = [
      'A poster reading Trump calls media enemy of the people is displayed by a Finnish newspaper at a stop for public transport in Helsinki, July 15, 2018.',
      'Demonstrators gather in the Finnish capital calling on the two leaders to stand up for human rights as they meet for their summit talks on Monday.',
      'Police officers stand guard outside the presidential palace in Helsinki as workers prepare the venue for the meeting of the two presidents.',
    ];
    const gallery = ['Helsinki demonstrations ahead of the summit', others[0], `${caption} (Photo by Jonathan NACKSTRAND / AFP)`, others[1], others[2]].join('\n\n');
    const corpus = loadCorpus(buildCorpusIndex([
      { id: 'gallery', title: 'Helsinki demonstrations', outlet: null, published: '2018-07-15T13:14:14-04:00', url: 'https://gallery.example/picture-gallery/helsinki', text: gallery },
    ]));
    const card = `${caption} (Photo by Jonathan NACKSTRAND / AFP) (Photo credit should read JONATHAN NACKSTRAND/AFP/Getty Images)`;
    const verdict = attribute({ text: card, url: 'https://cards.example/stories/helsinki', published: '2018-07-15T19:32:18-04:00' }, [corpus], { lexicon: synonyms });
    expect(verdict.likelyOriginal).toBe('gallery');
    expect(verdict.wire).toEqual({ name: 'AFP', carriers: 1, firstSeen: 'gallery' });
  });
});
