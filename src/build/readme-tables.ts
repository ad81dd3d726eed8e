/**
 * Puts the latest evaluation and benchmark tables into README.md, between its
 * `<!-- eval:start -->`/`<!-- eval:end -->`, `<!-- bench:start -->`/`<!-- bench:end -->`,
 * `<!-- hostile:start -->`/`<!-- hostile:end -->` and `<!-- browser:start -->`/`<!-- browser:end -->` markers. Run after `npm run eval`, `npm run bench`
 * and `npm run bench:browser`: `npm run readme:tables`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './paths.js';

const README = path.join(ROOT, 'README.md');

function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body.trim()}\n${text.slice(to)}`;
}

/** Shifts the file's headings so its top level becomes ### and sits under the README's ## section. */
function nest(markdown: string): string {
  const levels = [...markdown.matchAll(/^(#+) /gm)].map((m) => m[1]!.length);
  const shift = levels.length > 0 ? 3 - Math.min(...levels) : 0;
  return markdown.replace(/^(#+) /gm, (_, hashes: string) => `${'#'.repeat(Math.max(1, hashes.length + shift))} `);
}

let readme = readFileSync(README, 'utf8');
const TABLES = [['eval', 'eval/eval.md'], ['bench', 'bench/bench.md'], ['hostile', 'bench/hostile.md'], ['growing', 'bench/growing.md'], ['browser', 'bench/browser-click.md']] as const;
for (const [name, file] of TABLES) {
  const source = path.join(DIST, file);
  if (!existsSync(source)) {
    console.log(`readme-tables: ${source} not found, ${name} tables left as they are`);
    continue;
  }
  readme = replaceBetween(readme, name, nest(readFileSync(source, 'utf8')));
  console.log(`readme-tables: ${name} tables updated from dist/${file}`);
}
readme = fillFigures(readme);
writeFileSync(README, readme);

/**
 * Figures quoted in the README's prose (`<!-- figure:NAME -->97%<!-- /figure -->`) come from the
 * same run as the tables, so the prose cannot drift from them.
 */
function fillFigures(text: string): string {
  const evalJson = path.join(DIST, 'eval/eval.json');
  if (!existsSync(evalJson)) return text;
  const datasets = (JSON.parse(readFileSync(evalJson, 'utf8')) as { datasets: Record<string, { numbers: unknown }> }).datasets;
  const seeds = datasets['seeds']?.numbers as
    | { verdicts: Record<string, { overlap: number }>; pairs: { a: string; b: string; coverage: number }[] }
    | null
    | undefined;
  if (!seeds) return text;
  const percent = (x: number | undefined): string | null => (x === undefined ? null : `${Math.round(x * 100)}%`);
  const figures: Record<string, string | null> = {
    'seed-001-derived': percent(seeds.verdicts['001']?.overlap),
    'seed-003-by-004': percent(seeds.pairs.find((p) => p.a === '003' && p.b === '004')?.coverage),
  };
  return text.replace(/<!-- figure:([\w-]+) -->(.*?)<!-- \/figure -->/g, (whole, name: string) => {
    const value = figures[name];
    if (value === undefined) throw new Error(`README.md quotes an unknown figure: ${name}`);
    return value === null ? whole : `<!-- figure:${name} -->${value}<!-- /figure -->`;
  });
}
