/** Placeholder until this build step lands. */
export async function buildSeedsCorpusFile(): Promise<void> {}
