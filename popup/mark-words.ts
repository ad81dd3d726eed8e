/**
 * Splits one side of a passage into runs of words the other side shares and
 * words it does not, so the popup can underline copied words and dot-underline
 * reworded ones. Words compare as engine terms (case, quotes, plurals folded).
 */
import { tokenize } from '../src/engine/index.js';

/** A run of text: `shared` words also occur on the other side; `reworded` ones do not; `plain` is the space and punctuation between. */
export interface WordRun {
  text: string;
  mark: 'shared' | 'reworded' | 'plain';
}

export function markWords(text: string, other: string): WordRun[] {
  const otherTerms = new Set(tokenize(other).terms);
  const tokens = tokenize(text);
  const runs: WordRun[] = [];
  const push = (piece: string, mark: WordRun['mark']): void => {
    if (piece === '') return;
    const last = runs[runs.length - 1];
    // Merge a word into the previous run of the same kind, across the plain gap between them.
    if (last !== undefined && last.mark === mark) last.text += piece;
    else runs.push({ text: piece, mark });
  };
  let at = 0;
  for (let i = 0; i < tokens.terms.length; i++) {
    const start = tokens.starts[i]!;
    const end = tokens.ends[i]!;
    const mark = otherTerms.has(tokens.terms[i]!) ? 'shared' : 'reworded';
    const gap = text.slice(at, start);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.mark === mark && !/\n/.test(gap)) last.text += gap;
    else push(gap, 'plain');
    push(text.slice(start, end), mark);
    at = end;
  }
  push(text.slice(at), 'plain');
  return runs;
}
