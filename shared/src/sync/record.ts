import { z } from 'zod';
import { defaultItemFields, type Item, type ItemField, type ItemFieldsPatch, itemFieldNames } from '../item';
import { hlcSchema, hlcToDate, maxHlc } from './hlc';

export const itemClocksSchema = z.partialRecord(z.enum(itemFieldNames as [ItemField, ...ItemField[]]), hlcSchema);
export type ItemClocks = Partial<Record<ItemField, string>>;

/** What a replica holds of an item: the fields written so far, each with the clock of its last write. */
export interface ItemRecord {
  id: string;
  authorId?: string | null;
  fields: ItemFieldsPatch;
  clocks: ItemClocks;
}

/**
 * The item a record stands for, with defaults for the fields nobody wrote; null while its text has
 * not arrived (a replica can hear of an edit before the clip itself).
 */
export function materializeItem(record: ItemRecord, unitId: string): Item | null {
  const { text } = record.fields;
  if (!text) return null;
  const latest = Object.values(record.clocks).reduce<string | undefined>(maxHlc, undefined);
  const updatedAt = latest ? hlcToDate(latest).toISOString() : (record.fields.createdAt ?? new Date(0).toISOString());
  const createdAt = record.fields.createdAt ?? updatedAt;
  // Object.assign, not spreads: V8 spreads these two 16-field objects far more slowly, and every
  // pulled item is materialized for the list.
  return Object.assign(
    defaultItemFields(record.fields.occurredOn ?? createdAt.slice(0, 10), createdAt),
    record.fields,
    { text, id: record.id, unitId, authorId: record.authorId ?? null, updatedAt },
  );
}
