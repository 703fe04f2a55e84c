/** An item quoted in a message: long clips are cut, the officer recognises one by its start. */
export const quote = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A clock offset in words: days, else hours and minutes. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.round(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
