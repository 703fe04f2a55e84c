import type { Category } from '@gom/shared';
import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import type { PeriodView, ShownItem } from '../../period/period-view';
import { useNearViewport } from '../use-near-viewport';
import { ItemRow, type RowActions, type RowDrag, type SectionKey } from './ItemRow';

export interface PeriodListProps {
  view: PeriodView | undefined;
  /** Why the period's items could not be read, in the officer's words; null when they were. */
  error: string | null;
  /** Whether a search or filter is narrowing the view: an empty result is then "no match", not "no items". */
  filtered: boolean;
  selectedId: string | null;
  actions: RowActions;
  /** Item id → the period of the exported team report that holds it. */
  reported: ReadonlyMap<string, string>;
  /** The unit's categories, which a row's item may be moved to. */
  categories: readonly Category[];
  /** Shown at the end of the plans part (the part with that heading), which it opens if the period has no plans yet. */
  plansExtra?: { heading: string; content: ComponentChildren } | null;
}

/**
 * Rows are rendered a block at a time, when the block comes near the screen: a year can hold
 * 5,000 items, and creating every row up front was far over the side panel's budget (docs/performance.md).
 * A block not yet shown is one empty list item of about its height.
 */
const BLOCK = 40;
/** Rows rendered at once, whatever the scroll: more than a side panel shows. */
const EAGER_ROWS = 80;
const ROW_HEIGHT_EM = 2.4;

interface BlockProps {
  items: ShownItem[];
  eager: boolean;
  selectedId: string | null;
  actions: RowActions;
  drag: RowDrag;
  reported: ReadonlyMap<string, string>;
  categories: readonly Category[];
}

function RowBlock({ items, eager, selectedId, actions, drag, reported, categories }: BlockProps) {
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
        <ItemRow
          key={item.id}
          item={item}
          selected={item.id === selectedId}
          actions={actions}
          drag={drag}
          reportedIn={reported.get(item.id) ?? null}
          categories={categories}
        />
      ))}
    </>
  );
}

type DropPosition = 'before' | 'after';

/**
 * Drag and drop between rows. An item moves within its part only: a result dropped among the
 * plans would silently change its kind. The drop line is drawn through a data attribute, not
 * state: a drag over thousands of rows must not re-render them.
 */
function useRowDrag(view: PeriodView | undefined, actions: RowActions) {
  const where = useMemo(() => {
    const map = new Map<string, SectionKey>();
    for (const part of view?.parts ?? [])
      for (const section of part.sections)
        for (const item of section.items) map.set(item.id, { part: part.heading, section: section.heading });
    return map;
  }, [view]);
  const dragged = useRef<{ id: string; part: string } | null>(null);
  const marked = useRef<HTMLElement | null>(null);
  const mark = (element: HTMLElement | null, position?: DropPosition) => {
    if (marked.current && marked.current !== element) delete marked.current.dataset.drop;
    if (element && position) element.dataset.drop = position;
    marked.current = element;
  };
  const accepts = (key: SectionKey | undefined): key is SectionKey =>
    key !== undefined && dragged.current !== null && dragged.current.part === key.part;

  const drag: RowDrag = {
    start: (item, event) => {
      const key = where.get(item.id);
      if (!key || !event.dataTransfer) return;
      dragged.current = { id: item.id, part: key.part };
      // Dropped outside Gom (a document, a chat), the row is its text, never markup.
      event.dataTransfer.setData('text/plain', item.text);
      event.dataTransfer.effectAllowed = 'move';
      (event.currentTarget as HTMLElement).dataset.dragging = 'true';
    },
    over: (item, event) => {
      if (!accepts(where.get(item.id))) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      const row = event.currentTarget as HTMLElement;
      const box = row.getBoundingClientRect();
      mark(row, event.clientY > box.top + box.height / 2 ? 'after' : 'before');
    },
    drop: (item, event) => {
      const key = where.get(item.id);
      if (!accepts(key) || !dragged.current) return;
      event.preventDefault();
      event.stopPropagation();
      const after = (event.currentTarget as HTMLElement).dataset.drop === 'after';
      const { id } = dragged.current;
      mark(null);
      if (id !== item.id) void actions.place(id, key, { id: item.id, after });
    },
    end: (event) => {
      delete (event.currentTarget as HTMLElement).dataset.dragging;
      mark(null);
      dragged.current = null;
    },
  };
  /** A drop on a section but on none of its rows (its heading, the gap below): the section's end. */
  const section = (key: SectionKey) => ({
    onDragOver: (event: DragEvent) => {
      if (!accepts(key)) return;
      event.preventDefault();
      mark(null);
    },
    onDrop: (event: DragEvent) => {
      if (!accepts(key) || !dragged.current) return;
      event.preventDefault();
      void actions.place(dragged.current.id, key, null);
    },
  });
  return { drag, section };
}

/** The period's items under the report's headings. Item text is clipped data: rendered as text, never markup. */
export function PeriodList({
  view,
  error,
  filtered,
  selectedId,
  actions,
  reported,
  categories,
  plansExtra,
}: PeriodListProps) {
  const s = t().sidePanel;
  const { drag, section: sectionDrop } = useRowDrag(view, actions);
  if (error)
    return (
      <p class="error" data-role="list-error" role="alert">
        {s.listFailed(error)}
      </p>
    );
  if (!view) return <p class="muted">{s.loading}</p>;
  const extraPart = plansExtra && !view.parts.some((part) => part.heading === plansExtra.heading) && (
    <section data-role="part">
      <h2>{plansExtra.heading}</h2>
      {plansExtra.content}
    </section>
  );
  if (view.count === 0) {
    return (
      <>
        <p class="muted" data-role="empty">
          {filtered ? s.noMatch : s.empty}
        </p>
        {extraPart}
      </>
    );
  }
  let before = 0;
  return (
    <main data-role="list" data-count={view.count}>
      {view.parts.map((part) => (
        <section key={part.heading} data-role="part">
          <h2>{part.heading}</h2>
          {part.sections.map((section) => (
            <section
              key={section.heading ?? ''}
              data-role="section"
              {...sectionDrop({ part: part.heading, section: section.heading })}
            >
              {section.heading && <h3>{section.heading}</h3>}
              <ul>
                {Array.from({ length: Math.ceil(section.items.length / BLOCK) }, (_, b) => {
                  const items = section.items.slice(b * BLOCK, (b + 1) * BLOCK);
                  const eager = before < EAGER_ROWS;
                  before += items.length;
                  // Keyed by the block's place: its rows keep their state when items around change.
                  return (
                    <RowBlock
                      key={b}
                      items={items}
                      eager={eager}
                      selectedId={selectedId}
                      actions={actions}
                      drag={drag}
                      reported={reported}
                      categories={categories}
                    />
                  );
                })}
              </ul>
            </section>
          ))}
          {plansExtra?.heading === part.heading && plansExtra.content}
        </section>
      ))}
      {extraPart}
      <p class="muted keys">{s.rowKeys}</p>
    </main>
  );
}
