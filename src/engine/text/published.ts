/**
 * When a text was published, as the direction rules see it: a calendar date (`YYYY-MM-DD`, a day
 * somewhere on Earth, the hour unknown) or an instant (`YYYY-MM-DDTHH:MM:SSZ`, a moment). A
 * publisher's date-time without a time zone names no moment, so it is kept as its date.
 */
export type Published = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** An ISO date-time; the zone (Z, ±HH:MM or ±HHMM) is what makes it an instant. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A written date-time that states its zone: "Thu, 09 Dec 2021 10:15:00 GMT", "… +0100". */
const WRITTEN_ZONE = /\d{1,2}:\d{2}.*(?:\b(?:GMT|UTC|Z)\b|[+-]\d{4}\b)/i;

/**
 * A publication date or instant from a page's metadata, a JSON-LD `datePublished`, a `<time
 * datetime>` or a catalog, in the form above; null for anything that is not a plausible one.
 * A value that starts with an ISO date keeps the publisher's own day (no time-zone shift).
 */
export function publicationTime(value: string | null | undefined): Published | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 80) return null;
  const date = DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (date) return calendarDate(Number(date[1]), Number(date[2]), Number(date[3]));
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const day = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day === null || Number(iso[4]) > 23 || Number(iso[5]) > 59) return null;
    if (!iso[7]) return day;
    const zone = iso[7].toUpperCase() === 'Z' ? 'Z' : normalZone(iso[7]);
    const ms = Date.parse(`${day}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`);
    return Number.isNaN(ms) ? day : instant(ms);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return calendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  if (WRITTEN_ZONE.test(text) && calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) !== null) return instant(ms);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whether a publication value is an instant (it has a time of day and a zone), not a bare date. */
export function isInstant(published: Published): boolean {
  return published.length > 10;
}

/**
 * Which of two publications came first: -1 when `a` is earlier, 1 when later, 0 when it cannot be
 * told. Two instants compare; two dates compare when they are different days; a date and an
 * instant compare only when the instant falls outside that day in every time zone (UTC−12 to
 * UTC+14), since a date does not say where its day was. Equal dates, and a date beside an
 * instant inside its day, are an unknown order.
 */
export function comparePublished(a: Published, b: Published): -1 | 0 | 1 {
  if (isInstant(a) && isInstant(b)) return sign(Date.parse(a) - Date.parse(b));
  if (!isInstant(a) && !isInstant(b)) return a < b ? -1 : a > b ? 1 : 0;
  const [date, moment, flip] = isInstant(a) ? [b, Date.parse(a), -1 as const] : [a, Date.parse(b), 1 as const];
  const { start, end } = dayAnywhere(date);
  if (moment < start) return flip === 1 ? 1 : -1;
  if (moment >= end) return flip === 1 ? -1 : 1;
  return 0;
}

const HOUR = 3_600_000;

/** The span of time a calendar day covers somewhere on Earth: from its start at UTC+14 to its end at UTC−12. */
function dayAnywhere(date: Published): { start: number; end: number } {
  const midnight = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return { start: midnight - 14 * HOUR, end: midnight + 24 * HOUR + 12 * HOUR };
}

function sign(x: number): -1 | 0 | 1 {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

function normalZone(zone: string): string {
  const digits = zone.replace(':', '');
  return digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function instant(ms: number): Published {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function calendarDate(y: number, m: number, d: number): Published | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
