import { dayMonthYear, parseDayMonthYear } from '@gom/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * A date typed day first ("07/12/2026") and handed on as an ISO date. Not `<input type="date">`:
 * that one shows the browser's locale, and an English Chromium writes 7 December as 12/07/2026.
 * What is not a date is marked invalid and not handed on, so a form with one will not submit; an
 * emptied field hands on "".
 */
interface DateInputProps {
  /** ISO, or "" for none. */
  value: string;
  onValue: (iso: string) => void;
  id?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'data-role'?: string;
}

export function DateInput({ value, onValue, ...input }: DateInputProps) {
  const [text, setText] = useState(value ? dayMonthYear(value) : '');
  const element = useRef<HTMLInputElement>(null);
  const valid = text.trim() === '' || parseDayMonthYear(text) !== null;
  // A value set from outside (a reset, a chosen period) replaces what is typed, unless it says the same.
  useEffect(() => {
    if ((parseDayMonthYear(text) ?? '') !== value) setText(value ? dayMonthYear(value) : '');
  }, [value]);
  useEffect(() => element.current?.setCustomValidity(valid ? '' : t().dateInvalid), [valid]);
  return (
    <input
      ref={element}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t().datePlaceholder}
      {...input}
      value={text}
      aria-invalid={valid ? undefined : 'true'}
      title={valid ? undefined : t().dateInvalid}
      onInput={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        if (typed.trim() === '') onValue('');
        else {
          const iso = parseDayMonthYear(typed);
          if (iso !== null) onValue(iso);
        }
      }}
    />
  );
}
