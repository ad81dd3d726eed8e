/**
 * A *term* is what a word is compared as: the same word however it was typed.
 * `termOf` folds Unicode compatibility forms, diacritics, case, a few
 * transliteration variants a spinner or an outlet's style guide swaps
 * (Kiev/Kyiv), British/American spelling, and English inflection (a light
 * suffix stemmer). Both sides of every comparison go through the same function,
 * so consistency matters more than linguistic correctness.
 */

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};
const LETTER_FOLD_PATTERN = /[ßæœøłđðþıħŧ]/g;
/**
 * Marks that accent a letter (é, й, Arabic vowel points): shared by all scripts
 * ("Inherited") and optional in print. The marks of Indic and Southeast Asian
 * scripts belong to their script and are vowels: without them ดี and ด, or
 * नमस्ते and नमसत, would be one term.
 */
const ACCENT_MARKS = /(?=\p{Script=Inherited})\p{M}/gu;

/**
 * Spellings of one name that outlets and spinners swap. Keys and values are
 * already diacritic-free lower case; the value is the canonical spelling.
 */
const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['kiev', 'kyiv'], ['kyyiv', 'kyiv'], ['kharkov', 'kharkiv'], ['odessa', 'odesa'],
  ['lvov', 'lviv'], ['lugansk', 'luhansk'], ['zaporozhye', 'zaporizhzhia'], ['nikolaev', 'mykolaiv'],
  ['zelensky', 'zelenskyy'], ['zelenskiy', 'zelenskyy'], ['zelenski', 'zelenskyy'],
  ['gadhafi', 'gaddafi'], ['qaddafi', 'gaddafi'], ['kadhafi', 'gaddafi'], ['qadhafi', 'gaddafi'],
  ['mohammed', 'muhammad'], ['mohammad', 'muhammad'], ['mohamed', 'muhammad'],
  ['alqaida', 'alqaeda'], ['alqaeda', 'alqaeda'],
  ['peking', 'beijing'], ['bombay', 'mumbai'], ['calcutta', 'kolkata'], ['madras', 'chennai'],
]);

const VOWEL = /[aeiouy]/;

/**
 * Strips English inflection so that "talks", "talked" and "talking" compare
 * equal. Only for lower-case ASCII words; anything else is returned unchanged.
 */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  // British to American spelling, before suffixes move the endings around
  if (w.length > 5 && w.endsWith('our')) w = w.slice(0, -3) + 'or';
  w = w.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (w.length > 5 && w.endsWith('tre')) w = w.slice(0, -3) + 'ter';

  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));

  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  // "urge" and "urged" meet at "urg"; "free" keeps its e
  if (w.endsWith('e') && w.length > 3 && !VOWEL.test(w[w.length - 2]!)) w = w.slice(0, -1);
  return w;
}

/** "stopp" → "stop", but "kill" stays: l, s and z double in base forms. */
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[aeiouylsz]/.test(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

/**
 * Lower case, without accents or compatibility forms: "Zürich" → "zurich",
 * "ﬁnal" → "final". Keeps non-Latin letters (Cyrillic, Greek, CJK) as they are
 * apart from case, and the vowel signs of Indic and Southeast Asian scripts.
 */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(w)) {
    w = w.normalize('NFKD').replace(ACCENT_MARKS, '').replace(LETTER_FOLD_PATTERN, (c) => LETTER_FOLDS[c] ?? c);
  }
  return w;
}

/**
 * The term a word compares as. `word` is one token as the tokenizer cut it
 * (letters and digits, with inner hyphens and apostrophes already removed).
 */
export function termOf(word: string): string {
  const folded = foldWord(word);
  const variant = SPELLING_VARIANTS.get(folded);
  return stemWord(variant ?? folded);
}
