import { checkAllPieces, decodeCorpusHead } from './corpus-file.js';
import { checkAllPostings } from './corpus-structure.js';
import { CorpusFormatError } from '../types.js';

/**
 * Checks the postings, metadata and statistics of a corpus's head in full (see checkAllPieces
 * and checkAllPostings), then
 * its text blob against the head as the blob streams past, a piece at a time,
 * in order: each article's bytes must match the checksum the
 * head keeps for them and be UTF-8. An importer runs it over a file it cannot
 * hold whole (the extension stores a 500 MB corpus a few MiB at a time), so a
 * flipped bit is refused at import rather than found by a later check.
 *
 * Returns the function to call with each next piece; it throws CorpusFormatError
 * naming the first damaged article, or when pieces run past the blob's end.
 */
export function articleTextChecker(head: Uint8Array): (piece: Uint8Array) => void {
  const sections = decodeCorpusHead(head);
  const { textOffsets, textChecksums, articleCount, textBytes, buckets, lowHashes, docs } = sections;
  checkAllPieces(sections);
  checkAllPostings(buckets, lowHashes, docs, articleCount);
  let doc = 0;
  let at = 0;
  let hash = 0x811c9dc5;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const finishArticles = (): void => {
    // empty articles end where they start
    while (doc < articleCount && textOffsets[doc + 1] === at) {
      if (hash >>> 0 !== textChecksums[doc]) throw new CorpusFormatError(`corrupt corpus: text of article ${doc} is damaged`);
      try {
        utf8.decode();
      } catch {
        throw new CorpusFormatError(`corrupt corpus: text of article ${doc} is not valid UTF-8`);
      }
      doc++;
      hash = 0x811c9dc5;
    }
  };
  finishArticles();
  return (piece) => {
    if (at + piece.length > textBytes) throw new CorpusFormatError('corrupt corpus: more text than the head says');
    let from = 0;
    while (from < piece.length) {
      const to = Math.min(piece.length, from + (textOffsets[doc + 1]! - at));
      for (let i = from; i < to; i++) hash = Math.imul(hash ^ piece[i]!, 0x01000193);
      try {
        utf8.decode(piece.subarray(from, to), { stream: true });
      } catch {
        throw new CorpusFormatError(`corrupt corpus: text of article ${doc} is not valid UTF-8`);
      }
      at += to - from;
      from = to;
      finishArticles();
    }
  };
}
