import { categoryTitle, type Taxonomy } from '@gom/shared';
import { type LostFieldName, t } from '../../i18n';
import type { GomDb, LostEdit } from '../../store/db';
import { readMeta } from '../../store/db';
import { dismissLostEdit, restoreLostEdit } from '../../store/lost-edits';
import { clockIsWrong } from '../../sync/server-clock';
import { useLiveQuery } from '../use-live-query';

/** A lost value as the officer wrote it: a category by its name, a blank as blank. */
function shown(field: LostFieldName, value: unknown, taxonomy: Taxonomy): string {
  if (value === null || value === undefined || value === '') return t().clock.empty;
  if (field === 'category' && typeof value === 'string') return categoryTitle(taxonomy, value);
  return String(value);
}

interface LostEditRowProps {
  db: GomDb;
  lost: LostEdit;
  itemText: string;
  taxonomy: Taxonomy;
}

function LostEditRow({ db, lost, itemText, taxonomy }: LostEditRowProps) {
  const c = t().clock;
  const field = lost.field as LostFieldName;
  const wasDeleted = field === 'deleted' && lost.replacedBy === true;
  return (
    <li data-lost-item={lost.itemId} data-lost-field={field}>
      <span>
        {wasDeleted ? c.deletedByOther(itemText) : c.lost(field, itemText, shown(field, lost.value, taxonomy))}
      </span>{' '}
      <button type="button" data-action="restore-lost" onClick={() => void restoreLostEdit(db, lost)}>
        {c.restore}
      </button>{' '}
      <button type="button" data-action="dismiss-lost" onClick={() => void dismissLostEdit(db, lost)}>
        {c.dismiss}
      </button>
    </li>
  );
}

/**
 * What the server's time says about this PC and its officer's edits: a clock off by more than the
 * server allows, and each of her edits a later edit on another PC replaced, to restore in one click.
 * A category is named as the unit's taxonomy names it.
 */
export function ClockNotices({ db, taxonomy }: { db: GomDb; taxonomy: Taxonomy }) {
  const c = t().clock;
  const offset = useLiveQuery(() => readMeta(db, 'clockOffset'), [db]);
  const lost = useLiveQuery(async () => {
    const edits = await db.lostEdits.toArray();
    const items = await db.items.bulkGet(edits.map((edit) => edit.itemId));
    return edits.map((edit, i) => ({ edit, itemText: items[i]?.fields.text ?? '' }));
  }, [db]);
  return (
    <>
      {clockIsWrong(offset) && (
        <p class="error" data-role="clock-wrong" role="alert">
          {c.wrong(offset ?? 0)}
        </p>
      )}
      {lost !== undefined && lost.length > 0 && (
        <section class="lost-edits" data-role="lost-edits" role="alert">
          <h2>{c.lostHeading(lost.length)}</h2>
          <ul>
            {lost.map(({ edit, itemText }) => (
              <LostEditRow
                key={`${edit.itemId}:${edit.field}`}
                db={db}
                lost={edit}
                itemText={itemText}
                taxonomy={taxonomy}
              />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
