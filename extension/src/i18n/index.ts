import { en } from './en';
import { type Locale, locales, type Messages } from './messages';
import { vi } from './vi';

export type { ErrorReason, Locale, LostFieldName, Messages, PanelPeriodKind } from './messages';
export { locales };

const catalog: Record<Locale, Messages> = { vi, en };
let active: Messages = vi;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function setLocale(locale: Locale): void {
  active = catalog[locale];
}

/** The strings of the language chosen in the settings (Vietnamese until one is loaded). */
export function t(): Messages {
  return active;
}

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}
