import { canonicalText, cleanText, type Item, type ItemKind } from '@gom/shared';
import { learnCorrection } from './classifier-store';
import type { GomDb } from './db';
import { OfficerError } from './officer-error';
import type { PeriodView } from './period-view';
import { writeItem } from './write-item';

// Every edit goes through `writeItem`: the field and its outbox mutation in one transaction, so
// sync merges each field on its own and an edit made elsewhere to another field survives.

export async function editText(db: GomDb, id: string, text: string): Promise<void> {
  const cleaned = cleanText(text);
  if (!cleaned) throw new OfficerError('emptyClip');
  await writeItem(db, id, { text: cleaned });
}

/**
 * The officer's choice of section: her category, never overwritten by a suggestion. It is also a
 * lesson for the classifier, so that the next clip like this one is suggested where she put it.
 */
export async function moveToCategory(db: GomDb, id: string, category: string): Promise<void> {
  const record = await writeItem(db, id, { category, categorySource: 'user' });
  const text = record.fields.text;
  if (text) await learnCorrection(db, { text, category });
}

/** Deletion is a tombstone (sync must tell the other replicas); undo writes it back. */
export async function setDeleted(db: GomDb, id: string, deleted: boolean): Promise<void> {
  await writeItem(db, id, { deleted });
}

/**
 * Moves an item one place up or down among its section's items (in shown order) by giving it a
 * rank just past its neighbour: one write, however long the section. Returns false at either end.
 */
export async function moveWithinSection(
  db: GomDb,
  section: readonly Pick<Item, 'id' | 'rank'>[],
  id: string,
  direction: -1 | 1,
): Promise<boolean> {
  const index = section.findIndex((item) => item.id === id);
  const neighbour = section[index + direction];
  if (index < 0 || !neighbour) return false;
  const beyond = section[index + 2 * direction];
  // Halfway to the item beyond; past the end, one step further. Two clips of the same
  // millisecond share a rank: halfway is then that rank, and the older clip stays first.
  const rank = beyond ? (neighbour.rank + beyond.rank) / 2 : neighbour.rank + direction;
  await writeItem(db, id, { rank });
  return true;
}

export interface ItemFilter {
  /** Words looked for in the text, compared as search compares ("hoá" finds "hóa"). */
  text: string;
  kind: ItemKind | null;
}

export const noFilter: ItemFilter = { text: '', kind: null };

/** The view with only the matching items; sections and parts left empty are dropped. */
export function filterView(view: PeriodView, filter: ItemFilter): PeriodView {
  const words = canonicalText(filter.text).split(' ').filter(Boolean);
  if (words.length === 0 && !filter.kind) return view;
  const matches = (item: Item) => {
    if (filter.kind && item.kind !== filter.kind) return false;
    const text = canonicalText(item.text);
    return words.every((word) => text.includes(word));
  };
  let count = 0;
  const parts = view.parts
    .map((part) => ({
      ...part,
      sections: part.sections
        .map((section) => {
          const items = section.items.filter(matches);
          count += items.length;
          return { ...section, items };
        })
        .filter((section) => section.items.length > 0),
    }))
    .filter((part) => part.sections.length > 0);
  return { parts, count };
}
