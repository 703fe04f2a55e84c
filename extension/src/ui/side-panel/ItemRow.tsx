import type { Category } from '@gom/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { DropTarget } from '../../period/list-edits';
import type { ShownItem } from '../../period/period-view';

/** A section by its headings: the part's, and the section's (null in a part without sections). */
export interface SectionKey {
  part: string;
  section: string | null;
}

export interface RowActions {
  select: (id: string) => void;
  edit: (item: ShownItem, text: string) => Promise<void>;
  move: (item: ShownItem, direction: -1 | 1) => Promise<void>;
  moveTo: (item: ShownItem, category: string) => Promise<void>;
  remove: (item: ShownItem) => Promise<void>;
  /** Drag and drop: the item goes into that section, next to the target (at its end without one). */
  place: (id: string, where: SectionKey, target: DropTarget | null) => Promise<void>;
}

/** A row's part in a drag: the list decides what may be dropped where. */
export interface RowDrag {
  start: (item: ShownItem, event: DragEvent) => void;
  over: (item: ShownItem, event: DragEvent) => void;
  drop: (item: ShownItem, event: DragEvent) => void;
  end: (event: DragEvent) => void;
}

export interface ItemRowProps {
  item: ShownItem;
  selected: boolean;
  actions: RowActions;
  drag: RowDrag;
  /** The period of the exported team report that holds the item already, if one does. */
  reportedIn: string | null;
  /** The unit's categories, which the item may be moved to. */
  categories: readonly Category[];
}

/**
 * One item. Its tools show only on the selected row: thousands of rows stay plain list items.
 * The text is clipped data, rendered as text; the editor is a textarea's value.
 */
export function ItemRow({ item, selected, actions, drag, reportedIn, categories }: ItemRowProps) {
  const s = t().sidePanel;
  const [draft, setDraft] = useState<string | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const textButton = useRef<HTMLButtonElement>(null);
  // A mouse press focuses the row (selecting it) before its click: the click edits only a row
  // that was selected before the press.
  const selectedBeforePress = useRef(false);
  useEffect(() => editor.current?.focus(), [draft !== null]);

  const stopEditing = () => {
    setDraft(null);
    // Back to the row, so the keyboard carries on where it was.
    requestAnimationFrame(() => textButton.current?.focus());
  };
  async function saveEdit(): Promise<void> {
    if (draft === null) return;
    await actions.edit(item, draft);
    stopEditing();
  }

  // The text is the row's button: focusing it selects the row, pressing it (Enter, or a click on
  // the selected row) edits the text.
  function onTextKey(event: KeyboardEvent): void {
    if (event.key === 'Delete') {
      event.preventDefault();
      void actions.remove(item);
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void actions.move(item, event.key === 'ArrowUp' ? -1 : 1).then(() => textButton.current?.focus());
    }
  }

  return (
    <li
      data-item-id={item.id}
      data-selected={selected}
      data-reported={reportedIn !== null}
      // Not while editing: a drag would take the textarea's text selection away.
      draggable={draft === null}
      onDragStart={(event) => drag.start(item, event)}
      onDragOver={(event) => drag.over(item, event)}
      onDrop={(event) => drag.drop(item, event)}
      onDragEnd={drag.end}
    >
      {reportedIn !== null && (
        <span class="reported" data-role="reported" title={s.reportedTitle(reportedIn)}>
          {s.reported}
        </span>
      )}
      {draft === null ? (
        <button
          ref={textButton}
          type="button"
          class="item-text"
          data-role="item-text"
          onFocus={() => actions.select(item.id)}
          onPointerDown={() => {
            selectedBeforePress.current = selected;
          }}
          onClick={(event) =>
            // `detail` is 0 for a click made by Enter or Space.
            event.detail === 0 || selectedBeforePress.current ? setDraft(item.text) : actions.select(item.id)
          }
          onKeyDown={onTextKey}
        >
          {item.text}
        </button>
      ) : (
        <textarea
          ref={editor}
          name="item-text"
          rows={3}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.isComposing) return;
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void saveEdit();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              stopEditing();
            }
          }}
        />
      )}
      {selected && draft === null && (
        <div class="row-tools" data-role="row-tools">
          <button type="button" data-action="edit" onClick={() => setDraft(item.text)}>
            {s.edit}
          </button>
          <button type="button" data-action="move-up" onClick={() => void actions.move(item, -1)}>
            {s.moveUp}
          </button>
          <button type="button" data-action="move-down" onClick={() => void actions.move(item, 1)}>
            {s.moveDown}
          </button>
          <select
            name="move-to"
            aria-label={s.moveTo}
            value={item.category ?? ''}
            onChange={(e) => void actions.moveTo(item, e.currentTarget.value)}
          >
            {categories.map((category) => (
              <option key={category.key} value={category.key}>
                {category.title}
              </option>
            ))}
          </select>
          <button type="button" data-action="delete" onClick={() => void actions.remove(item)}>
            {s.delete}
          </button>
        </div>
      )}
      {draft !== null && (
        <div class="row-tools">
          <button type="button" data-action="save-edit" onClick={() => void saveEdit()}>
            {s.saveEdit}
          </button>
          <button type="button" data-action="cancel-edit" onClick={stopEditing}>
            {s.cancelEdit}
          </button>
        </div>
      )}
    </li>
  );
}
