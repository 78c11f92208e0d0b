/**
 * Locale-aware formatting for the elements, through `Intl`. Session dates (`2027-03-31`)
 * are calendar days in the session's time zone, so they are formatted as such (never
 * shifted by the viewer's zone); instants are shown in the session's time zone. Which locale
 * an element uses is its `DisplayController`'s to say (display-controller.ts).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date format for `locale`, made once and reused (making one costs far more than using
 * it); an unknown locale falls back to the browser's.
 */
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat(locale, options);
    } catch {
      found = new Intl.DateTimeFormat(undefined, { ...options, timeZone: options.timeZone ?? 'UTC' });
    }
    formatters.set(key, found);
  }
  return found;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number format for `locale`, made once and reused; an unknown locale falls back to the browser's. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = numberFormats.get(key);
  if (!found) {
    try {
      found = new Intl.NumberFormat(locale, options);
    } catch {
      found = new Intl.NumberFormat(undefined, options);
    }
    numberFormats.set(key, found);
  }
  return found;
}

/** `2027-03-31` as a calendar day, e.g. "Mar 31, 2027" in English. */
export function formatDay(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** An instant with date and time in `timeZone`. */
export function formatInstant(isoInstant: string, locale: string, timeZone: string): string {
  const at = Date.parse(isoInstant);
  if (Number.isNaN(at)) return isoInstant;
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** A person's display name from a host-given map, falling back to the id. */
export function personName(people: Readonly<Record<string, string>> | undefined, id: string): string {
  return people?.[id] ?? id;
}
