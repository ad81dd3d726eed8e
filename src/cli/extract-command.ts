/** Placeholder until the extract command lands. */
export async function runExtractCommand(_args: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  io.stderr.write('firsthand: extract is not available yet\n');
  return 2;
}
