/**
 * The CLI's exit codes. Every failure a user can cause ends with one of these
 * and a one-line message, never a stack trace.
 */
export const ExitCode = {
  Ok: 0,
  /** A bug or an unexpected failure (reported as such). */
  Internal: 1,
  /** The command line is wrong. */
  Usage: 2,
  /** The input cannot be read or decoded (missing, not a regular file, empty, binary, too large). */
  Unreadable: 3,
  /** The page has no article text. */
  NoArticle: 4,
  /** The corpus is missing, empty or corrupt. */
  Corpus: 5,
  /** The output file cannot be written (a missing folder, a folder, a full disk). */
  Output: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Machine-readable names of the exit codes, used in `--json` error output. */
export const ERROR_CODES: Readonly<Record<ExitCode, string>> = {
  0: 'ok', 1: 'internal', 2: 'usage', 3: 'unreadable-input', 4: 'no-article', 5: 'corpus', 6: 'unwritable-output',
};

/** A failure the user can act on: its message is shown as is. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(readonly exitCode: ExitCode, message: string) {
    super(message);
  }
}
