import type { MonthView } from '../../features/month-view';
import { t } from '../../i18n';
import { ItemRow, type RowActions } from './ItemRow';

export interface MonthListProps {
  view: MonthView | undefined;
  /** Whether a search or filter is narrowing the view: an empty result is then "no match", not "no items". */
  filtered: boolean;
  selectedId: string | null;
  actions: RowActions;
}

/** The month's items under the report's headings. Item text is clipped data: rendered as text, never markup. */
export function MonthList({ view, filtered, selectedId, actions }: MonthListProps) {
  const s = t().sidePanel;
  if (!view) return <p class="muted">{s.loading}</p>;
  if (view.count === 0) {
    return (
      <p class="muted" data-role="empty">
        {filtered ? s.noMatch : s.empty}
      </p>
    );
  }
  return (
    <main>
      {view.parts.map((part) => (
        <section key={part.heading} data-role="part">
          <h2>{part.heading}</h2>
          {part.sections.map((section) => (
            <section key={section.heading ?? ''} data-role="section">
              {section.heading && <h3>{section.heading}</h3>}
              <ul>
                {section.items.map((item) => (
                  <ItemRow key={item.id} item={item} selected={item.id === selectedId} actions={actions} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      <p class="muted keys">{s.rowKeys}</p>
    </main>
  );
}
