/**
 * Character classes for the tokenizer's scanner, by code point, as the
 * Unicode-property regexes define them. ASCII is a fixed table; every other
 * BMP code unit is classified by the regexes the first time it is seen and
 * remembered, so the scanner never runs a regex twice for the same character.
 */

/** `\p{L}`: a letter. */
export const LETTER = 1;
/** `\p{N}`: a digit or other number character (², ٣, 〇, 𝟎). */
export const NUMBER = 2;
/** `\p{M}`: a combining mark. */
export const MARK = 4;
/** Han, Hiragana or Katakana: written without spaces, and each character is a token of its own. */
export const UNSPACED = 8;
/**
 * A letter or mark of Thai, Lao, Khmer or Myanmar: written without spaces between words, which are
 * found with a dictionary (see word-segmenter.ts). A character is too small a
 * unit here: most words are several characters, and single characters repeat
 * across unrelated texts.
 */
export const SEGMENTED = 16;
/** A character a token is made of: `[\p{L}\p{N}\p{M}]`. */
export const WORD = LETTER | NUMBER | MARK;
/** Set on every classified entry, so that 0 means "not classified yet". */
const KNOWN = 128;

const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const IS_SEGMENTED = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/** Classifies one code point (a lone surrogate is a code point of its own, in no class). */
function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  let cls = KNOWN;
  if (IS_LETTER.test(ch)) cls |= LETTER;
  if (IS_NUMBER.test(ch)) cls |= NUMBER;
  if (IS_MARK.test(ch)) cls |= MARK;
  if (IS_UNSPACED.test(ch)) cls |= UNSPACED;
  // Their digits are left to the number rules (๑,๐๐๐ is one token, as 1,000 is).
  if (IS_SEGMENTED.test(ch) && (cls & NUMBER) === 0) cls |= SEGMENTED;
  return cls;
}

/** Classes of the 65,536 BMP code units, filled in on first sight (0 = not yet). */
const BMP_CLASSES = new Uint8Array(0x10000);
/** Classes of astral code points seen so far; they are rare, so a map is enough. */
const ASTRAL_CLASSES = new Map<number, number>();

/** The ASCII part is filled in at once: the scanner reads it without a check. */
export const ASCII_CLASSES: Uint8Array = BMP_CLASSES.subarray(0, 128);
for (let c = 0; c < 128; c++) BMP_CLASSES[c] = classify(c);

/** Class of one BMP code unit taken as a code point (a surrogate here is a lone one). */
export function bmpClass(unit: number): number {
  let cls = BMP_CLASSES[unit]!;
  if (cls === 0) BMP_CLASSES[unit] = cls = classify(unit);
  return cls;
}

/** Class of an astral code point. */
export function astralClass(codePoint: number): number {
  let cls = ASTRAL_CLASSES.get(codePoint);
  if (cls === undefined) ASTRAL_CLASSES.set(codePoint, (cls = classify(codePoint)));
  return cls;
}

/** True when the code units at `i` and `i + 1` of `text` form a surrogate pair (one astral code point). */
export function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = text.charCodeAt(i + 1); // NaN past the end
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/** Class of the code point that starts at `i` (0 past the end). */
export function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const unit = text.charCodeAt(i);
  if (unit < 128) return ASCII_CLASSES[unit]!;
  return isPairAt(text, i) ? astralClass(text.codePointAt(i)!) : bmpClass(unit);
}

/** Length in code units (1 or 2) of the code point that starts at `i`. */
export function widthAt(text: string, i: number): number {
  return isPairAt(text, i) ? 2 : 1;
}

/** Class of the code point that ends at `i` (as a `u`-flag lookbehind reads it; 0 at the start). */
export function classBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= 2 && isPairAt(text, i - 2)) return astralClass(text.codePointAt(i - 2)!);
  const unit = text.charCodeAt(i - 1);
  return unit < 128 ? ASCII_CLASSES[unit]! : bmpClass(unit);
}

/**
 * Whether a code unit may belong to a script written without spaces: the
 * Thai, Lao, Myanmar and Khmer blocks, or CJK and beyond (surrogates included).
 * A cheap range test, so that only text holding such a unit pays for the
 * per-character classes.
 */
export function mayBeUnspaced(unit: number): boolean {
  return unit >= 0x2e80 || (unit >= 0x0e00 && unit < 0x0f00) || (unit >= 0x1000 && unit < 0x10a0) || (unit >= 0x1780 && unit < 0x1800);
}

/** Whether `text.slice(start, end)` holds a character of a script written without spaces (UNSPACED or SEGMENTED). */
export function hasUnspacedScript(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x0e00 && mayBeUnspaced(unit) && classAt(text, i) & (UNSPACED | SEGMENTED)) return true;
  }
  return false;
}
