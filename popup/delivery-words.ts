/** A report's delivery in words for the reports page, not the codes stored with it. */
import type { Report } from '../src/extension/report.js';
import { failureInWords } from '../src/extension/send-outcome.js';
import { formatDate } from './format.js';

/** "in 1 minute", "in 3 minutes", "any moment now": when the next retry runs, seen from `now`. */
export function untilNextTry(nextTry: string, now: Date): string {
  const minutes = Math.ceil((Date.parse(nextTry) - now.getTime()) / 60_000);
  if (!(minutes > 0)) return 'any moment now';
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

export interface DeliveryWords {
  /** Where the report stands, e.g. "waiting to be sent; next try in 1 minute". */
  status: string;
  /** Why the last send failed, in words; null when none failed. */
  reason: string | null;
}

/** `nextTry`: when waiting reports are tried next (ISO), null when no retry is planned (no endpoint set). */
export function deliveryInWords(delivery: Report['delivery'], nextTry: string | null, now: Date): DeliveryWords {
  const reason = delivery.lastError === null ? null : `Last try: ${failureInWords(delivery.lastError)}.`;
  switch (delivery.status) {
    case 'saved':
      return { status: 'saved on this computer', reason: null };
    case 'sent': {
      const when = delivery.sentAt === null ? null : formatDate(delivery.sentAt);
      return { status: when === null ? 'sent' : `sent ${when}`, reason: null };
    }
    case 'pending-retry':
      return {
        status: nextTry === null ? 'waiting to be sent; no endpoint is set' : `waiting to be sent; next try ${untilNextTry(nextTry, now)}`,
        reason,
      };
  }
}
