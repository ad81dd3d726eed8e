/**
 * The engine's public surface. Everything outside src/engine imports from here only.
 * Pure TypeScript: no DOM, no browser API, no Node API.
 */
export * from './types.js';
export { tokenize, TokenFlag, type TokenStream } from './tokenize.js';
export { termOf } from './term.js';
export { type Lexicon, EMPTY_LEXICON } from './lexicon.js';
