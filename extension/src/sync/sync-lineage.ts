import { type ItemRecord, mutationSchema, versionedAsWrites } from '@gom/shared';
import { OfficerError } from '../officer-error';
import { type GomDb, type MetaValues, type OutboxRow, readMeta, writeMeta } from '../store/db';
import { newMutationId } from '../store/random-id';

/** What a push's or a pull's answer says of the revisions it counts: the unit, its epoch, a revision. */
export interface ServerLineage {
  unitId?: string;
  epoch?: string;
  cursor: number;
}

/** One sync's state: it starts over at most once. */
export interface SyncRun {
  startedOver: boolean;
}

type Lineage = 'same' | 'otherUnit' | 'restored';

/**
 * - `same`: the unit and epoch this replica counted (or a server that sends neither), not behind it;
 * - `otherUnit`: the token now belongs to another unit, whose revisions are another count;
 * - `restored`: the unit's data went back to a backup: a new epoch (`gom import`, `gom unit resync`),
 *   or a revision below the cursor (a file restored without a new epoch). What was pushed after the
 *   backup is gone from the server, and its revisions will be handed out again to other items.
 */
function lineageOf(known: MetaValues['syncedWith'] | undefined, answer: ServerLineage, cursor: number): Lineage {
  if (answer.unitId !== undefined && known !== undefined && known.unitId !== answer.unitId) return 'otherUnit';
  if (answer.epoch !== undefined && known !== undefined && known.epoch !== answer.epoch) return 'restored';
  return answer.cursor < cursor ? 'restored' : 'same';
}

const accepted = (row: OutboxRow) => mutationSchema.safeParse(row).success;

/**
 * The write as the server accepts it: a field it would refuse (kept under an older version's rules)
 * is left out, rather than the write blocking the outbox; none when no field is left.
 */
function sendable(row: OutboxRow): OutboxRow[] {
  if (accepted(row)) return [row];
  const set = Object.fromEntries(
    Object.entries(row.set).filter(([field, value]) => accepted({ ...row, set: { [field]: value } })),
  );
  return Object.keys(set).length > 0 ? [{ ...row, set }] : [];
}

/**
 * The outbox rows that give the server back every item this replica holds, field by field with
 * their own clocks: the server keeps whatever it holds that is newer, and a field it holds already
 * takes no new revision.
 */
function resendRows(records: ItemRecord[]): OutboxRow[] {
  return records.flatMap((record) =>
    versionedAsWrites(record).flatMap(({ hlc, set }) =>
      sendable({ mutationId: newMutationId(), itemId: record.id, hlc, set }),
    ),
  );
}

/**
 * Follows the server's answer, inside the caller's transaction on items, outbox and meta: records
 * the unit and epoch it counts, and starts over when they are no longer the ones this replica
 * counted. Starting over sets the cursor back to 0 and, after a restore, queues everything held for
 * the server again: the replica learned each epoch with the acknowledgements made under it, so no
 * acknowledged clip can be missing from a server restored since. Resolves to whether it started over.
 */
export async function followServer(db: GomDb, answer: ServerLineage, run: SyncRun): Promise<boolean> {
  const [known, cursor] = await Promise.all([readMeta(db, 'syncedWith'), readMeta(db, 'cursor')]);
  const lineage = lineageOf(known, answer, cursor ?? 0);
  const { unitId, epoch } = answer;
  if (unitId !== undefined && epoch !== undefined && (known?.unitId !== unitId || known.epoch !== epoch)) {
    await writeMeta(db, 'syncedWith', { unitId, epoch });
  }
  if (lineage === 'same') return false;
  // A server whose epoch moves again within one sync is not one to follow: everything would be
  // queued again at each answer.
  if (run.startedOver) throw new OfficerError('badResponse', 'the epoch changed twice in one sync');
  run.startedOver = true;
  if (lineage === 'restored') await db.outbox.bulkAdd(resendRows(await db.items.toArray()));
  await writeMeta(db, 'cursor', 0);
  return true;
}
