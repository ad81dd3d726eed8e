/**
 * How long and how large the reader lets their own corpus grow: kept in storage.local, set in the
 * options page, applied by every change to the corpus (see reader-corpus.ts). Only articles the
 * corpus saw arrive expire (all of the reader's do: each has a first-seen time).
 */
import { DEFAULT_RETENTION, type Retention } from '../../engine/index.js';
import type { StorageArea } from '../storage-area.js';

const RETENTION_KEY = 'readerRetention';
const MB = 1024 * 1024;

/** The limits the options page offers: a day to ten years, a megabyte to 100 GB. */
export const RETENTION_LIMITS = { minDays: 1, maxDays: 3650, minMegabytes: 1, maxMegabytes: 100_000 } as const;

/** Retention as the reader writes it: whole days and megabytes. */
export interface ReaderRetention {
  readonly maxAgeDays: number;
  readonly maxMegabytes: number;
}

export const DEFAULT_READER_RETENTION: ReaderRetention = { maxAgeDays: DEFAULT_RETENTION.maxAgeDays, maxMegabytes: DEFAULT_RETENTION.maxBytes / MB };

/** The engine's form. */
export const retentionOf = (r: ReaderRetention): Retention => ({ maxAgeDays: r.maxAgeDays, maxBytes: r.maxMegabytes * MB });

/** The reader's answer checked; a sentence saying what is wrong otherwise. */
export function checkRetention(value: unknown): ReaderRetention | { error: string } {
  const v = value as Partial<Record<keyof ReaderRetention, unknown>> | null;
  const days = v?.maxAgeDays;
  const megabytes = v?.maxMegabytes;
  const { minDays, maxDays, minMegabytes, maxMegabytes } = RETENTION_LIMITS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < minDays || days > maxDays) {
    return { error: `Keep articles for a whole number of days from ${minDays} to ${maxDays}.` };
  }
  if (typeof megabytes !== 'number' || !Number.isInteger(megabytes) || megabytes < minMegabytes || megabytes > maxMegabytes) {
    return { error: `Keep at most a whole number of megabytes from ${minMegabytes} to ${maxMegabytes.toLocaleString('en')}.` };
  }
  return { maxAgeDays: days, maxMegabytes: megabytes };
}

/** The stored setting; the defaults when none (or a damaged one) is stored. */
export async function readRetention(settings: StorageArea): Promise<ReaderRetention> {
  const stored = checkRetention((await settings.get(RETENTION_KEY))[RETENTION_KEY]);
  return 'error' in stored ? DEFAULT_READER_RETENTION : stored;
}

/** Stores a checked setting; throws the reason for one that is not. */
export async function writeRetention(settings: StorageArea, value: unknown): Promise<ReaderRetention> {
  const checked = checkRetention(value);
  if ('error' in checked) throw new Error(checked.error);
  await settings.set({ [RETENTION_KEY]: checked });
  return checked;
}
