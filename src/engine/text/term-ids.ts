/**
 * Numbers for terms, shared by the page and the sources of one check, so the
 * aligner compares integers and keeps per-term facts (a lexicon row) in arrays.
 */
export class TermIds {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];

  idOf(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#ids.set(term, id);
      this.#terms.push(term);
    }
    return id;
  }

  termOf(id: number): string {
    return this.#terms[id]!;
  }

  idsOf(terms: readonly string[]): Int32Array {
    const out = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) out[i] = this.idOf(terms[i]!);
    return out;
  }
}
