/** Placeholder until this build step lands. */
export async function buildLexiconFile(): Promise<void> {}
