import { stat, unlink, writeFile } from 'node:fs/promises';
import { CliError, ExitCode } from './cli-error.js';

/**
 * Writes a built corpus to `file`, or fails with exit code 6 and one line. A write cut short (a full
 * disk) would leave a corpus file that is refused later as truncated: the partial file is removed.
 */
export async function writeCorpusFile(file: string, bytes: Uint8Array): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(ExitCode.Output, `${file}: cannot write the corpus there (it is a folder)`);
  try {
    await writeFile(file, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((await stat(file).catch(() => null))?.isFile()) await unlink(file).catch(() => undefined);
    const reason = code === 'ENOENT' ? 'its folder does not exist'
      : code === 'ENOSPC' ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'it is a folder'
      : code ?? (error as Error).message;
    throw new CliError(ExitCode.Output, `${file}: cannot write the corpus (${reason})`);
  }
}
