/**
 * Clough & Stevenson's corpus of plagiarised short answers (see its SOURCE.md): 95 answers to five
 * tasks, each cut / light / heavy / non against the task's Wikipedia source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../decode-text.js';

export const CLOUGH_DATASET = 'clough-stevenson-short-answers';
export type CloughCategory = 'cut' | 'light' | 'heavy' | 'non';
export const CLOUGH_CATEGORIES: readonly CloughCategory[] = ['cut', 'light', 'heavy', 'non'];
export type Split = 'dev' | 'test';

/**
 * Development part: tasks a and b (38 answers); test part: tasks c, d and e (57 answers).
 * Split by task so that the test answers are about source texts never looked at while tuning.
 */
export const CLOUGH_DEV_TASKS: readonly string[] = ['a', 'b'];

export interface CloughAnswer {
  readonly file: string;
  readonly path: string;
  readonly task: string;
  readonly category: CloughCategory;
  readonly native: boolean;
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly split: Split;
}

export interface CloughSource {
  readonly task: string;
  /** Corpus id: the file name without extension, as build-corpus names it. */
  readonly id: string;
  readonly path: string;
  readonly text: string;
}

export interface CloughData {
  readonly answers: readonly CloughAnswer[];
  readonly sources: readonly CloughSource[];
}

/** The corpus id of a task's source. */
export function cloughSourceId(task: string): string {
  return `orig_task${task}`;
}

/** Parses `corpus-final09.filelist.csv` (no quoted fields in this file; a quoted one is refused). */
export function parseFileList(csv: string): { file: string; task: string; category: CloughCategory; native: boolean }[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`file list has no column ${name}`);
    return i;
  };
  const [iFile, iTask, iCat, iNative] = [col('File'), col('Task'), col('Category'), col('Native English')];
  return lines.map((line) => {
    if (line.includes('"')) throw new Error(`quoted CSV field not supported: ${line}`);
    const cells = line.split(',');
    const category = cells[iCat] as CloughCategory;
    if (!CLOUGH_CATEGORIES.includes(category)) throw new Error(`unknown category in: ${line}`);
    return { file: cells[iFile]!, task: cells[iTask]!, category, native: cells[iNative] === 'native' };
  });
}

export function loadClough(dir: string): CloughData {
  const textDir = path.join(dir, 'corpus-20090418');
  const list = parseFileList(readFileSync(path.join(dir, 'corpus-final09.filelist.csv'), 'utf8'));
  const answers = list.map((row): CloughAnswer => {
    const file = path.join(textDir, row.file);
    const { text, encoding } = decodeText(readFileSync(file));
    return { ...row, path: file, text, encoding, split: CLOUGH_DEV_TASKS.includes(row.task) ? 'dev' : 'test' };
  });
  const tasks = [...new Set(list.map((r) => r.task))].sort();
  const sources = tasks.map((task): CloughSource => {
    const file = path.join(textDir, `${cloughSourceId(task)}.txt`);
    return { task, id: cloughSourceId(task), path: file, text: decodeText(readFileSync(file)).text };
  });
  return { answers, sources };
}
