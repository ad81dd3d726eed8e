/**
 * Feed dates → ISO 8601. Feeds write dates two ways: RSS in RFC 822 ("Tue, 01 Dec 2026 10:00:00
 * GMT"), Atom, JSON Feed and sitemaps in RFC 3339 / W3C datetime ("2026-12-01T10:00:00+01:00",
 * or a bare "2026-12-01"). Both are parsed explicitly rather than through Date.parse, which reads
 * some forms in the machine's local time zone: the same feed must give the same instant anywhere.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC822 = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822's named zones, in minutes east of UTC; military letters and anything unknown count as UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * An ISO 8601 UTC instant (`2026-12-01T09:00:00.000Z`) for a date with a time, the ISO date
 * (`2026-12-01`) for a date alone, or null for anything that is not a plausible date.
 */
export function parseFeedInstant(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    if (h === undefined) return calendarDate(Number(y), Number(mo), Number(d));
    // A time without a zone breaks RFC 3339; UTC is the least surprising reading.
    const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
    return instant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), millis, isoZoneMinutes(zone));
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d, monthName, yearText, h, mi, s, zone] = rfc;
    const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
    if (month === 0) return null;
    let year = Number(yearText);
    if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
    return instant(year, month, Number(d), Number(h), Number(mi), Number(s ?? 0), 0, rfc822ZoneMinutes(zone));
  }
  return null;
}

/** The calendar day of an instant or date as `parseFeedInstant` returns them (UTC for an instant). */
export function dayOf(isoInstantOrDate: string): string {
  return isoInstantOrDate.slice(0, 10);
}

/** Milliseconds since the epoch of an instant or date from `parseFeedInstant` (a date counts from its UTC midnight). */
export function millisOf(isoInstantOrDate: string): number {
  return Date.parse(isoInstantOrDate.length === 10 ? `${isoInstantOrDate}T00:00:00Z` : isoInstantOrDate);
}

function isoZoneMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const hours = Number(digits.slice(1, 3));
  const minutes = digits.length >= 5 ? Number(digits.slice(3, 5)) : 0;
  return sign * (hours * 60 + minutes);
}

function rfc822ZoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

function inRange(y: number, mo: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function calendarDate(y: number, mo: number, d: number): string | null {
  if (!inRange(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zoneMinutes: number): string | null {
  if (!inRange(y, mo, d) || h > 24 || mi > 59 || s > 60 || Math.abs(zoneMinutes) > 14 * 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - zoneMinutes * 60_000;
  return new Date(utc).toISOString();
}
