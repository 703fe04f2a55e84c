import { t } from '../../i18n';

/** The quick-capture shortcut as the browser has it; browsers let only their own page change it. */
export function ShortcutInfo({ shortcut }: { shortcut: string | null }) {
  const s = t().options;
  return (
    <section data-role="shortcut">
      <h2>{s.shortcut}</h2>
      <p>
        <kbd data-role="shortcut-keys">{shortcut || s.shortcutUnset}</kbd>
      </p>
      <p class="muted">{s.shortcutHint}</p>
    </section>
  );
}
