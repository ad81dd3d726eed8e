/**
 * Corpus files whose index this build cannot read as it is (format 1, or any format built with an
 * older hash version) still hold every article's text and metadata: they are rebuilt from those,
 * with today's parameters, so a corpus a reader imported keeps working after an update.
 */
import { buildCorpusIndex } from './build-corpus-index.js';
import { BUCKETS, checksumBytes } from './corpus-file.js';
import { CorpusFormatError, type ArticleInput } from '../types.js';

const HEADER_WORDS = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const pad4 = (n: number): number => (n + 3) & ~3;

function fail(message: string): never {
  throw new CorpusFormatError(`corrupt corpus: ${message}`);
}

/** The articles of a corpus file of format 1 to 3, read from its article store alone. */
export function legacyArticles(input: Uint8Array): ArticleInput[] {
  const bytes = new Uint8Array(input); // aligned copy
  if (bytes.byteLength < HEADER_WORDS * 4) fail('the file is too short to hold a header');
  const head = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  const format = head[1]!;
  const articles = head[7]!;
  const postings = head[8]!;
  const metaBytes = head[9]!;
  const textBytes = head[10]!;
  const stats = format >= 3 ? 8 * (head[13]! + head[14]!) : 0;
  const indexBytes = format === 1 ? postings * 7 : BUCKETS * 4 + postings * 5;
  const textOffsetsAt = pad4(HEADER_WORDS * 4 + indexBytes);
  const metaOffsetsAt = textOffsetsAt + (articles + 1) * 4;
  const checksumsAt = metaOffsetsAt + (articles + 1) * 4;
  const metaAt = checksumsAt + articles * 4;
  const textAt = pad4(metaAt + metaBytes) + stats;
  if (bytes.byteLength !== textAt + textBytes) fail(`the file is ${bytes.byteLength} bytes, its header says ${textAt + textBytes}`);
  const words = (at: number, n: number): Uint32Array => new Uint32Array(bytes.buffer, at, n);
  const textOffsets = words(textOffsetsAt, articles + 1);
  const metaOffsets = words(metaOffsetsAt, articles + 1);
  const checksums = words(checksumsAt, articles);
  const out: ArticleInput[] = [];
  for (let doc = 0; doc < articles; doc++) {
    const [ms, me, ts, te] = [metaOffsets[doc]!, metaOffsets[doc + 1]!, textOffsets[doc]!, textOffsets[doc + 1]!];
    if (!(ms <= me && me <= metaBytes && ts <= te && te <= textBytes)) fail(`the offsets of article ${doc} are out of order`);
    const text = bytes.subarray(textAt + ts, textAt + te);
    if (checksumBytes(text) !== checksums[doc]) fail(`text of article ${doc} is damaged`);
    let meta: Record<string, unknown>;
    try {
      meta = JSON.parse(utf8.decode(bytes.subarray(metaAt + ms, metaAt + me))) as Record<string, unknown>;
      if (typeof meta.id !== 'string') throw new Error('no id');
      const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
      const firstSeen = str(meta.firstSeen);
      out.push({
        id: meta.id, title: str(meta.title) ?? meta.id, outlet: str(meta.outlet), published: str(meta.published), url: str(meta.url),
        text: utf8.decode(text), ...(firstSeen === null ? {} : { firstSeen }),
      });
    } catch {
      fail(`metadata or text of article ${doc} is unreadable`);
    }
  }
  return out;
}

/** A legacy corpus file rebuilt as a current one (see isLegacyCorpus); throws CorpusFormatError for a damaged one. */
export function migrateLegacyCorpus(bytes: Uint8Array): Uint8Array {
  const articles = legacyArticles(bytes);
  try {
    return buildCorpusIndex(articles);
  } catch (error) {
    fail((error as Error).message);
  }
}
