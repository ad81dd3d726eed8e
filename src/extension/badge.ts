/** The toolbar badge for a verdict: what a reader sees without opening the popup. */
import type { Status } from '../engine/index.js';

export interface Badge {
  /** At most 4 characters (Chrome shows about that many); '' hides the badge. */
  text: string;
  /** CSS colour for the badge background. */
  color: string;
}

/** Colours by status; chosen to stay legible with the browser's white badge text. */
export const BADGE_COLORS: Readonly<Record<Status, string>> = {
  copy: '#b3261e',
  partial: '#8a5300',
  'same-text': '#5b3fa0',
  original: '#1b6e3a',
  'no-match': '#5f6368',
};

/**
 * Badge for a verdict: the overlap for a copy or partial ("97%"), "SAME"
 * for the same text as an article of unknown order, "ORIG" for the original,
 * nothing for no match.
 * @param overlap share of the page derived from earlier sources ∈ [0, 1]
 */
export function badgeFor(status: Status, overlap: number): Badge {
  const color = BADGE_COLORS[status];
  switch (status) {
    case 'copy':
    case 'partial':
      return { text: `${percent(overlap)}%`, color };
    case 'same-text':
      return { text: 'SAME', color };
    case 'original':
      return { text: 'ORIG', color };
    case 'no-match':
      return { text: '', color };
  }
}

/**
 * Whole percent for display ∈ [0, 100]. A non-zero overlap never shows as 0%
 * and a partial one never as 100%, so the number never contradicts the status.
 */
export function percent(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  if (share >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(share * 100)));
}
