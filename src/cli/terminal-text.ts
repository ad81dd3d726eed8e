/**
 * Page text made safe to print on a terminal. A page can hold escape sequences (ESC [ … that recolour,
 * move the cursor, retitle the window or write the clipboard) and C0/C1 control characters; printed
 * raw they act on the reader's terminal. Human-readable output goes through `printable`; JSON output
 * escapes control characters itself and keeps the text exact, as its offsets index into it.
 */

/** ESC sequences: CSI (ESC [ … final byte), OSC/DCS/SOS/PM/APC strings (up to BEL or ESC \), or ESC and one character. */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[\s\S]?)/g;
/** C1 CSI (U+009B) sequences, which some terminals obey like ESC [. */
const C1_SEQUENCE = /\x9b[0-?]*[ -/]*[@-~]?/g;
/** Control characters other than tab and newline, and the bidirectional overrides that reorder what is shown. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without escape sequences or control characters; tabs and newlines kept. */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(C1_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** One line of `text` for a terminal: `printable`, with line breaks and tabs as spaces. */
export function printableLine(text: string): string {
  return printable(text).replace(/[\t\n]+/g, ' ');
}
