/**
 * Reads a page the CLI is given, a file or `-` for standard input, never more than MAX_INPUT_BYTES:
 * `check /dev/zero` or `cat /dev/urandom | firsthand check -` would otherwise grow until memory runs
 * out. Only regular files are opened by name: a directory or a device is refused, and so is a named
 * pipe, which would block the CLI until some other program wrote to it (pipe it to `-` instead).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { CliError, ExitCode } from './cli-error.js';

/** 16 MiB: 11× the largest page of the extraction benchmark (1.49 MB); the engine checks a page's first 50,000 words anyway. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type InputProblem = 'unreadable' | 'not-a-file' | 'too-large';

/** Why an input was not read; exit code 3 for the CLI. */
export class InputError extends CliError {
  constructor(readonly problem: InputProblem, message: string) {
    super(ExitCode.Unreadable, message);
  }
}

const tooLarge = (name: string): InputError =>
  new InputError('too-large', `${name}: the input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most firsthand reads of a page`);

/** The bytes of `file` (`-` = `stdin`), at most MAX_INPUT_BYTES; throws InputError otherwise. */
export async function readInput(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  return file === '-' ? readStream(stdin, 'standard input') : readRegularFile(file);
}

async function readRegularFile(file: string): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer before we can see that it is one.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unknown error';
    throw new InputError('unreadable', `${file}: cannot read the file (${reason})`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError('not-a-file', `${file}: cannot read the file (it is a folder)`);
    if (!info.isFile()) {
      throw new InputError('not-a-file', `${file}: cannot read the file (not a regular file but a device, pipe or socket; pipe it to standard input with -)`);
    }
    if (info.size > MAX_INPUT_BYTES) throw tooLarge(file);
    // Read one byte past the limit: a file that grew since stat is refused too.
    const buffer = new Uint8Array(Math.min(info.size, MAX_INPUT_BYTES) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > MAX_INPUT_BYTES) throw tooLarge(file);
        break;
      }
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('unreadable', `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    await handle.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream, name: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      if (total > MAX_INPUT_BYTES) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        throw tooLarge(name);
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('unreadable', `${name}: cannot read (${(error as Error).message})`);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
