import type { MonthView } from '../../features/month-view';
import { t } from '../../i18n';

/** The month's items under the report's headings. Item text is clipped data: rendered as text, never markup. */
export function MonthList({ view }: { view: MonthView | undefined }) {
  const s = t().sidePanel;
  if (!view) return <p class="muted">{s.loading}</p>;
  if (view.count === 0) {
    return (
      <p class="muted" data-role="empty">
        {s.empty}
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
                  <li key={item.id} data-item-id={item.id}>
                    {item.text}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </main>
  );
}
