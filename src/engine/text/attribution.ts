import type { Sentence } from './segment.js';
import { termOf } from './term.js';
import type { TokenStream } from './tokenize.js';

/**
 * Words that say who said a quotation and where: "said CEO Craig Menear in
 * the company's news release", "Trump tweeted Sunday", "according to a
 * statement". Two reports quoting one statement frame it in the same few
 * formulaic words; those words are no more evidence of copying than the
 * quotation itself. English only, as the stop words are.
 */
const SPEECH_WORDS = `said says say saying told tells tell telling tweeted tweets tweet wrote writes write added adds
asked asks stated states declared declares explained explains noted notes continued continues argued argues
insisted insists warned warns posted posts according statement statements release interview remarks replied
replies responded responds announced announces`;

export const SPEECH_TERMS: ReadonlySet<string> = new Set(SPEECH_WORDS.split(/\s+/).filter(Boolean).map(termOf));

/** Longest attribution frame, in tokens, outside the quotation of its sentence. */
export const MAX_FRAME_TOKENS = 14;
/** Fewest quoted tokens for a sentence's other words to be read as the quotation's frame. */
const MIN_QUOTED_TOKENS = 3;

/**
 * Marks (1) the unquoted tokens of each sentence that quotes someone and says
 * only who and where besides: at least MIN_QUOTED_TOKENS quoted tokens, at
 * most MAX_FRAME_TOKENS others, one of them a speech word. `quoted` is 1 for
 * the tokens inside quotation marks.
 */
export function markAttributionFrames(tokens: TokenStream, sentences: readonly Sentence[], quoted: Uint8Array): Uint8Array {
  const frame = new Uint8Array(tokens.terms.length);
  for (const s of sentences) {
    let inside = 0;
    let outside = 0;
    let speech = false;
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (quoted[t]) {
        inside++;
        continue;
      }
      outside++;
      if (SPEECH_TERMS.has(tokens.terms[t]!)) speech = true;
    }
    if (inside < MIN_QUOTED_TOKENS || outside === 0 || outside > MAX_FRAME_TOKENS || !speech) continue;
    for (let t = s.firstToken; t < s.endToken; t++) if (!quoted[t]) frame[t] = 1;
  }
  return frame;
}
