/** Display helpers shared by the extension pages. */
import { percent } from '../src/extension/badge.js';

export { percent };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "2021-12-09" → "Dec 9, 2021"; anything unparseable is shown as given. */
export function formatDate(iso: string | null): string | null {
  if (iso === null || iso === '') return null;
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The reader's own way of writing numbers: "61,168", "61.168", "61 168"… */
const countFormat = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A size in bytes as a reader reads it: "840 KB", "12.5 MB" (1 MB = 1024 KB, as retention counts). */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `${formatCount(Math.max(0, Math.round(kb)))} KB`;
  const mb = kb / 1024;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: mb < 100 ? 1 : 0 }).format(mb)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** As plural, the number written the reader's way: "61,168 words". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
