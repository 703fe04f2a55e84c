import {
  type ItemClocks,
  type ItemFieldsPatch,
  type ItemRecord,
  maxHlc,
  mergeFields,
  mutationAsVersioned,
  mutationSchema,
  tickHlc,
  withoutControlChars,
} from '@gom/shared';
import type { z } from 'zod';
import { OfficerError } from '../officer-error';
import { ensureClientId, type GomDb, type OutboxRow, readMeta, writeMeta } from './db';
import { newMutationId } from './random-id';

// The same rules the server applies to a pushed mutation: a write the server would refuse must be
// refused here, or it would sit at the head of the outbox and block every later push.
const writeSchema = mutationSchema.pick({ itemId: true, set: true });

// A broken PDF's text layer can carry control characters, NUL among them, and characters XML cannot
// hold, which the server refuses: they are dropped from every string a write carries, so that such a
// clip is kept rather than refused. The push drops them again from writes queued by an older version.
export function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return withoutControlChars(value) as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withoutControls(field)])) as T;
  return value;
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'set'}: ${issue.message}`).join('; ');
}

/**
 * The one way a local edit reaches the database. The item and its outbox mutation are written in
 * one transaction, so an edit is either both shown and queued for the server, or neither.
 */
export async function writeItem(
  db: GomDb,
  itemId: string,
  set: ItemFieldsPatch,
  nowMs: number = Date.now(),
): Promise<ItemRecord> {
  const parsed = writeSchema.safeParse({ itemId, set: withoutControls(set) });
  if (!parsed.success) throw new OfficerError('invalidItem', issuesOf(parsed.error), { cause: parsed.error });

  return db.transaction('rw', [db.items, db.outbox, db.meta], async () => {
    // Requests issued together wait for one round trip to IndexedDB, not one each.
    const [clientId, lastHlc, author, held, clockOffset] = await Promise.all([
      ensureClientId(db),
      readMeta(db, 'hlc'),
      readMeta(db, 'author'),
      db.items.get(itemId),
      readMeta(db, 'clockOffset'),
    ]);
    // Stamped by the server's time as the last sync measured it, not by a PC clock that may be off.
    const hlc = tickHlc(lastHlc, nowMs + (clockOffset ?? 0), clientId);
    const { set: written } = parsed.data;
    let after: string | undefined;
    for (const field of Object.keys(written) as Array<keyof ItemClocks>) after = maxHlc(after, held?.clocks[field]);
    const mutation: OutboxRow = {
      mutationId: newMutationId(),
      itemId,
      hlc,
      set: written,
      at: nowMs,
      ...(clockOffset === undefined ? {} : { clockOffset }),
      ...(after === undefined ? {} : { after }),
    };
    const merged = mergeFields(held, mutationAsVersioned(mutation));
    const record: ItemRecord = { ...held, id: itemId, fields: merged.fields, clocks: merged.clocks };
    // A new item's author is the one the server will give it, when this replica knows it: pulling
    // the item back then finds nothing to write (the author was all that differed).
    if (!held && author !== undefined) record.authorId = author;
    await Promise.all([db.items.put(record), db.outbox.add(mutation), writeMeta(db, 'hlc', hlc)]);
    return record;
  });
}
