/**
 * PAN@CLEF 2025 generated-plagiarism samples (see its SOURCE.md): five source/candidate paper pairs,
 * truth on the candidate's paragraphs: an LLM paraphrase of a named source paragraph (simple /
 * medium / hard prompt), an LLM rewrite of the candidate's own text ("altered", a hard negative),
 * or untouched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../clough/load-clough.js';

export const PAN25_DATASET = 'pan25-generated-plagiarism';
const SAMPLE_DIR = 'clef25/generated-plagiarism-detection/transform-dataset/sample_raw';

export type Pan25Difficulty = 'simple' | 'medium' | 'hard';
export const PAN25_DIFFICULTIES: readonly Pan25Difficulty[] = ['simple', 'medium', 'hard'];
export type Pan25Label = Pan25Difficulty | 'altered' | 'untouched';

/**
 * Development part: pairs 000005, 000013 (reused paragraphs of all three difficulties) and 000038
 * (an "altered" negative: 77 machine-rewritten paragraphs with no source); test part: 000004 (the
 * largest pair, most hard paraphrases) and 000061 (an untouched negative). Split by pair file so
 * no paper is seen in both.
 */
export const PAN25_DEV_PAIRS: readonly string[] = ['000005', '000013', '000038'];

export interface Pan25Paragraph {
  readonly id: string;
  readonly text: string;
}

export interface Pan25Candidate extends Pan25Paragraph {
  readonly label: Pan25Label;
  /** The labelled source paragraph of a reused paragraph. */
  readonly sourceParagraphId: string | null;
}

export interface Pan25Pair {
  /** The file's sequence number, e.g. `000004`. */
  readonly pair: string;
  readonly file: string;
  readonly type: string;
  readonly split: Split;
  readonly sourceParagraphs: readonly Pan25Paragraph[];
  readonly candidates: readonly Pan25Candidate[];
}

interface RawParagraph {
  id: string;
  content: string;
  plagiarism?: { type: string; prompt_type: string; source_paragraph_id?: string };
}
interface RawPaper {
  abstract: RawParagraph[];
  sections: { paragraphs: RawParagraph[] }[];
}
interface RawPair {
  plagiarism: { type: string };
  source: RawPaper;
  candidate: RawPaper;
}

/** A paper's paragraphs in reading order: the abstract's, then each section's. */
function paragraphsOf(paper: RawPaper): RawParagraph[] {
  return [...paper.abstract, ...paper.sections.flatMap((s) => s.paragraphs)];
}

export function labelOf(p: RawParagraph): { label: Pan25Label; sourceParagraphId: string | null } {
  const truth = p.plagiarism;
  if (!truth) return { label: 'untouched', sourceParagraphId: null };
  if (truth.type === 'altered') return { label: 'altered', sourceParagraphId: null };
  if (truth.type === 'plagiarism' && PAN25_DIFFICULTIES.includes(truth.prompt_type as Pan25Difficulty)) {
    if (!truth.source_paragraph_id) throw new Error(`paragraph ${p.id}: plagiarism without source_paragraph_id`);
    return { label: truth.prompt_type as Pan25Difficulty, sourceParagraphId: truth.source_paragraph_id };
  }
  throw new Error(`paragraph ${p.id}: unknown truth ${JSON.stringify(truth)}`);
}

export function parsePan25Pair(file: string, json: string): Pan25Pair {
  const raw = JSON.parse(json) as RawPair;
  const pair = path.basename(file).split(':')[0] ?? file;
  const sourceParagraphs = paragraphsOf(raw.source).map((p) => ({ id: p.id, text: p.content }));
  const sourceIds = new Set(sourceParagraphs.map((p) => p.id));
  const candidates = paragraphsOf(raw.candidate).map((p): Pan25Candidate => {
    const truth = labelOf(p);
    if (truth.sourceParagraphId && !sourceIds.has(truth.sourceParagraphId)) {
      throw new Error(`${file} ${p.id}: source paragraph ${truth.sourceParagraphId} not in the source paper`);
    }
    return { id: p.id, text: p.content, ...truth };
  });
  return {
    pair,
    file: path.basename(file),
    type: raw.plagiarism.type,
    split: PAN25_DEV_PAIRS.includes(pair) ? 'dev' : 'test',
    sourceParagraphs,
    candidates,
  };
}

export function loadPan25(dir: string): Pan25Pair[] {
  const sampleDir = path.join(dir, SAMPLE_DIR);
  return readdirSync(sampleDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parsePan25Pair(f, readFileSync(path.join(sampleDir, f), 'utf8')));
}
