/**
 * "07/12/2026": a date as every field and list of Gom shows it, day first as Vietnamese write it,
 * whatever the browser's locale (an `<input type="date">` follows the locale, and an English one
 * reads 7 December as 12/07).
 */
export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/**
 * A date typed day first, "7/12/2026", "07-12-2026" or "7.12.2026", as an ISO date; null when it
 * is not one, or names a day the calendar lacks (31/4, 29/2 of a common year).
 */
export function parseDayMonthYear(text: string): string | null {
  const match = DAY_MONTH_YEAR.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
