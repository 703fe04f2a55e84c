import { dayMonthYear, localIsoDate } from '@gom/shared';

/** An item quoted in a message: long clips are cut, the officer recognises one by its start. */
export const quote = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A clock offset in words: days, else hours and minutes. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.round(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** "14:05 07/12/2026": a moment in the PC's time, the date day first in either language. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${time} ${dayMonthYear(localIsoDate(date))}`;
}
