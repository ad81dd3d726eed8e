/** Placeholder until this build step lands. */
export async function bundleCli(): Promise<void> {}
