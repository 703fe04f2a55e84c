import type { Item } from '@gom/shared';
import { useRef } from 'preact/hooks';
import type { PeriodView } from '../../features/period-view';
import { t } from '../../i18n';
import { useNearViewport } from '../../ui/use-near-viewport';
import { ItemRow, type RowActions } from './ItemRow';

export interface PeriodListProps {
  view: PeriodView | undefined;
  /** Whether a search or filter is narrowing the view: an empty result is then "no match", not "no items". */
  filtered: boolean;
  selectedId: string | null;
  actions: RowActions;
}

/**
 * Rows are rendered a block at a time, when the block comes near the screen: a year can hold
 * 5,000 items, and creating every row up front took about 660 ms here against the side panel's
 * budget of 200 ms. A block not yet shown is one empty list item of about its height.
 */
const BLOCK = 40;
/** Rows rendered at once, whatever the scroll: more than a side panel shows. */
const EAGER_ROWS = 80;
const ROW_HEIGHT_EM = 2.4;

interface BlockProps {
  items: Item[];
  eager: boolean;
  selectedId: string | null;
  actions: RowActions;
}

function RowBlock({ items, eager, selectedId, actions }: BlockProps) {
  const placeholder = useRef<HTMLLIElement>(null);
  const near = useNearViewport(placeholder, eager);
  const holdsSelected = selectedId !== null && items.some((item) => item.id === selectedId);
  if (!near && !holdsSelected) {
    return (
      <li
        ref={placeholder}
        aria-hidden="true"
        class="rows-pending"
        style={{ height: `${items.length * ROW_HEIGHT_EM}em` }}
      />
    );
  }
  return (
    <>
      {items.map((item) => (
        <ItemRow key={item.id} item={item} selected={item.id === selectedId} actions={actions} />
      ))}
    </>
  );
}

/** The period's items under the report's headings. Item text is clipped data: rendered as text, never markup. */
export function PeriodList({ view, filtered, selectedId, actions }: PeriodListProps) {
  const s = t().sidePanel;
  if (!view) return <p class="muted">{s.loading}</p>;
  if (view.count === 0) {
    return (
      <p class="muted" data-role="empty">
        {filtered ? s.noMatch : s.empty}
      </p>
    );
  }
  let before = 0;
  return (
    <main data-role="list" data-count={view.count}>
      {view.parts.map((part) => (
        <section key={part.heading} data-role="part">
          <h2>{part.heading}</h2>
          {part.sections.map((section) => (
            <section key={section.heading ?? ''} data-role="section">
              {section.heading && <h3>{section.heading}</h3>}
              <ul>
                {Array.from({ length: Math.ceil(section.items.length / BLOCK) }, (_, b) => {
                  const items = section.items.slice(b * BLOCK, (b + 1) * BLOCK);
                  const eager = before < EAGER_ROWS;
                  before += items.length;
                  // Keyed by the block's place: its rows keep their state when items around change.
                  return <RowBlock key={b} items={items} eager={eager} selectedId={selectedId} actions={actions} />;
                })}
              </ul>
            </section>
          ))}
        </section>
      ))}
      <p class="muted keys">{s.rowKeys}</p>
    </main>
  );
}
