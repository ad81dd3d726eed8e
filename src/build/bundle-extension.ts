/** Placeholder until this build step lands. */
export async function bundleExtension(): Promise<void> {}
