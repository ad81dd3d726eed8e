/**
 * Pages built at test time from the bundled seeds and the e2e's own-corpus article (no text copied
 * into the repo), served by the fixture server, for the three provenance cases the README shows
 * (issue 17): a wire copy, the same text published the same day (order unknown), and a scraper's
 * verbatim paste. The wire copy and the scraper need articles with addresses (the seeds have none):
 * `wireCorpusFolder` writes the folder `firsthand build-corpus` turns into the corpus to import.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtraRoutes } from './fixture-server.js';
import { OWN_CORPUS_ARTICLE, OWN_CORPUS_FOLDER } from './fixture-pages.js';
import { E2E_FIXTURES_DIR } from './paths.js';
import { seedText } from './seeds.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function newsPage(site: string, headline: string, paragraphs: readonly string[], head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)} – ${escapeHtml(site)}</title>${head}
<style>body{font-family:Georgia,serif;margin:0}header{background:#234;color:#fff;padding:1rem 2rem;font-size:1.5rem}
main{max-width:42rem;margin:1.5rem auto;padding:0 1rem}p{line-height:1.6}footer{border-top:1px solid #ccc;padding:1rem 2rem;color:#777}</style>
</head><body><header>${escapeHtml(site)}</header><nav><a href="#">Home</a> <a href="#">World</a> <a href="#">Politics</a></nav>
<main><article><h1>${escapeHtml(headline)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer>© ${escapeHtml(site)}. All rights reserved.</footer></body></html>`;
}

/** A seed's paragraphs without its headline line and its credit line ("Source: …"). */
function body(prefix: string): { headline: string; paragraphs: string[] } {
  const lines = seedText(prefix).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { headline: lines[0]!, paragraphs: lines.slice(1).filter((l) => !/^source:/i.test(l)) };
}

export const PROVENANCE_PAGES = {
  /** Seed 003's story as a regional paper runs it under an AP dateline: wire copy, first seen at an earlier carrier. */
  wireCopy: '/generated/wire-copy.html',
  /** Seed 000's text at another site, declaring a time on 000's own day: which came first cannot be told. */
  sameDay: '/generated/same-day.html',
  /** The own-corpus harbour-ferry article pasted whole by an autoblog, with its "Source link" mark. */
  scraper: '/generated/scraper.html',
} as const;

/** The AP carrier of seed 003's story in the imported corpus: dated, at its own address. */
export const WIRE_CARRIER = { id: 'lakeside-ap-biden-putin', title: 'AP: Biden, Putin speak as Russian leader demands NATO rebuff Ukraine', outlet: 'Lakeside Gazette' };

/** Writes the folder of the corpus the wire and scraper shots import: the harbour-ferry article and an AP carrier. */
export function wireCorpusFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const own = path.join(E2E_FIXTURES_DIR, OWN_CORPUS_FOLDER);
  copyFileSync(path.join(own, `${OWN_CORPUS_ARTICLE}.txt`), path.join(folder, `${OWN_CORPUS_ARTICLE}.txt`));
  const wire = body('003');
  writeFileSync(path.join(folder, `${WIRE_CARRIER.id}.txt`), [wire.headline, `WASHINGTON (AP) — ${wire.paragraphs[0]}`, ...wire.paragraphs.slice(1)].join('\n\n'));
  const catalog = JSON.parse(readFileSync(path.join(own, 'catalog.json'), 'utf8')) as object[];
  catalog.push({ ...WIRE_CARRIER, published: '2021-12-30T20:00:00Z', url: 'https://www.lakeside-gazette.example/2021/12/30/biden-putin-call' });
  writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify(catalog, null, 2));
}

function ownArticle(): { headline: string; paragraphs: string[] } {
  const lines = readFileSync(path.join(E2E_FIXTURES_DIR, OWN_CORPUS_FOLDER, `${OWN_CORPUS_ARTICLE}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { headline: lines[0]!, paragraphs: lines.slice(1) };
}

export function provenanceRoutes(): ExtraRoutes {
  const wire = body('003');
  const al = body('000');
  const ferry = ownArticle();
  return {
    [PROVENANCE_PAGES.wireCopy]: {
      body: newsPage('Lakeside Daily Herald', wire.headline, [`WASHINGTON (AP) — ${wire.paragraphs[0]}`, ...wire.paragraphs.slice(1)]),
    },
    [PROVENANCE_PAGES.sameDay]: {
      body: newsPage('World Desk Today', al.headline, al.paragraphs, '<meta property="article:published_time" content="2021-12-09T15:00:00Z">'),
    },
    [PROVENANCE_PAGES.scraper]: {
      body: newsPage('Trending News Hub', ferry.headline, [...ferry.paragraphs, 'Source link']),
    },
  };
}
