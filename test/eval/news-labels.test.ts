/**
 * The real-news labels are frozen: each label file's sha256 is written in the README, so a label
 * changed after the fact (say, to fit a tuned engine) fails here until the change is declared.
 * Against the dataset, when it is present: every id exists and every selected pair has a label.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS_DIR, pairLabelOf, readLabels, validateLabels } from '../../src/eval/news/labels.js';
import { loadNewsFiles, NEWS_DATASET } from '../../src/eval/news/load-news.js';
import { loadZytePages, ZYTE_LABELS } from '../../src/eval/news/zyte-pages.js';
import { locateDataset, REPO_ROOT } from '../../src/eval/shared-data.js';

const files = readdirSync(LABELS_DIR).filter((f) => f.endsWith('.json')).sort();
const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('real-news labels are frozen', () => {
  it('has label files', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file}: its sha256 is noted in the README`, () => {
      const hash = createHash('sha256').update(readFileSync(path.join(LABELS_DIR, file))).digest('hex');
      expect(readme).toContain(`\`${file}\` sha256 \`${hash}\``);
    });
  }
});

const located = locateDataset(NEWS_DATASET);
describe.skipIf('skip' in located)('real-news labels against the dataset', () => {
  const news = 'dir' in located ? loadNewsFiles(located.dir) : [];
  for (const file of files.filter((f) => f !== `${ZYTE_LABELS}.json`)) {
    const name = file.replace(/\.json$/, '');
    it(`${name}: ids exist, every selected pair and every article is labelled`, () => {
      const labels = readLabels(name)!;
      const data = news.find((f) => f.name === labels.file);
      expect(data, `no news file ${labels.file}`).toBeDefined();
      expect(validateLabels(labels, new Set(data!.articles.map((a) => a.id)))).toEqual([]);
      const unlabelled = labels.selection.strata.flatMap((s) => s.pairs).filter((k) => !pairLabelOf(labels, k));
      expect(unlabelled).toEqual([]);
      if (!labels.unread) expect(data!.articles.filter((a) => !labels.articles[a.id]).map((a) => a.id)).toEqual([]);
    });
  }
});

const zyte = loadZytePages();
describe.skipIf('skip' in zyte)('Zyte pair labels against the benchmark', () => {
  it('ids are the recorded benchmark pages and every selected pair is labelled', () => {
    const pages = 'skip' in zyte ? [] : zyte;
    const labels = readLabels(ZYTE_LABELS)!;
    expect(validateLabels(labels, new Set(pages.map((p) => p.id)))).toEqual([]);
    for (const [id, benchmarkId] of Object.entries(labels.benchmarkIds ?? {})) expect(pages[Number(id)]?.benchmarkId).toBe(benchmarkId);
    expect(labels.selection.strata.flatMap((s) => s.pairs).filter((k) => !pairLabelOf(labels, k))).toEqual([]);
  });
});
