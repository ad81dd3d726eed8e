import {
  EMPTY_MANIFEST, groupSegments, growCorpus, loadCorpus, type ArticleInput, type Corpus, type GrowingCorpusManifest, type GrowOptions,
  type GrowReport, type SegmentHost,
} from '../../src/engine/index.js';

/** A growing corpus kept in memory: the host the engine's tests grow corpora in. */
export class MemorySegments implements SegmentHost {
  readonly files = new Map<string, Uint8Array>();
  manifest: GrowingCorpusManifest = EMPTY_MANIFEST;
  #failOnWrite: number | null = null;
  #writes = 0;

  /** Makes the write after the next `writes` fail, as a crash between two steps would; null for none. */
  crashAfterWrites(writes: number | null): void {
    this.#failOnWrite = writes;
    this.#writes = 0;
  }

  load(name: string): Corpus {
    const bytes = this.files.get(name);
    if (!bytes) throw new Error(`no segment ${name}`);
    return loadCorpus(bytes);
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    if (this.#failOnWrite !== null && this.#writes++ >= this.#failOnWrite) throw new Error('simulated crash');
    this.files.set(name, bytes);
  }

  async commit(manifest: GrowingCorpusManifest): Promise<void> {
    this.manifest = manifest;
  }

  async discard(names: readonly string[]): Promise<void> {
    for (const name of names) this.files.delete(name);
  }

  grow(articles: readonly ArticleInput[], options: GrowOptions): Promise<GrowReport> {
    return growCorpus(this, this.manifest, articles, options);
  }

  /** The corpus as a check sees it: every listed segment, grouped. */
  corpora(): Corpus[] {
    return groupSegments(this.manifest, this.manifest.segments.map((e) => ({ name: e.name, corpus: this.load(e.name) })));
  }

  /** Every live article, in corpus order. */
  articles(): ArticleInput[] {
    const out: ArticleInput[] = [];
    for (const corpus of this.corpora()) for (let doc = 0; doc < corpus.size; doc++) if (!corpus.isRemoved(doc)) out.push(corpus.article(doc));
    return out;
  }
}
