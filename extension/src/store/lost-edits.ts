import { HLC_PATTERN, type ItemFieldsPatch, type ItemRecord } from '@gom/shared';
import type { LostFieldName } from '../i18n';
import type { GomDb, LostEdit } from './db';
import { writeItem } from './write-item';

/** The fields an officer writes by hand; the list's order (`rank`) and the machine's guesses are not worth a warning. */
export const LOST_FIELDS: readonly LostFieldName[] = [
  'text',
  'lead',
  'category',
  'kind',
  'occurredOn',
  'metric',
  'value',
  'dueOn',
  'status',
  'plannedFor',
  'deleted',
];

const nodeOf = (clock: string | undefined) => (clock !== undefined && HLC_PATTERN.test(clock) ? clock.slice(19) : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edits of `node` (this replica) that `merged` overwrites in `held`: fields whose clock this
 * replica wrote, now carrying another PC's value.
 */
export function lostEditsOf(
  held: Pick<ItemRecord, 'id' | 'fields' | 'clocks'>,
  merged: Pick<ItemRecord, 'fields' | 'clocks'>,
  node: string,
  lostAt: string,
): LostEdit[] {
  const lost: LostEdit[] = [];
  for (const field of LOST_FIELDS) {
    if (nodeOf(held.clocks[field]) !== node || merged.clocks[field] === held.clocks[field]) continue;
    if (nodeOf(merged.clocks[field]) === node || same(held.fields[field], merged.fields[field])) continue;
    lost.push({ itemId: held.id, field, value: held.fields[field], replacedBy: merged.fields[field], lostAt });
  }
  return lost;
}

/** Her value back, as a new edit that wins in its turn; the notice goes with it, in one transaction. */
export function restoreLostEdit(db: GomDb, { itemId, field, value }: Pick<LostEdit, 'itemId' | 'field' | 'value'>) {
  return db.transaction('rw', [db.items, db.outbox, db.meta, db.lostEdits, db.listingChunks], async () => {
    await writeItem(db, itemId, { [field]: value } as ItemFieldsPatch);
    await db.lostEdits.delete([itemId, field]);
  });
}

/** The notice dismissed: the value that replaced hers stays. */
export function dismissLostEdit(db: GomDb, { itemId, field }: Pick<LostEdit, 'itemId' | 'field'>) {
  return db.lostEdits.delete([itemId, field]);
}
