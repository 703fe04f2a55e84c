import { canonicalText, cleanText, type Item, type ItemKind } from '@gom/shared';
import { OfficerError } from '../officer-error';
import { learnCorrection } from '../store/classifier-store';
import type { GomDb } from '../store/db';
import type { ListedItem } from '../store/listing';
import { writeItem } from '../store/write-item';
import type { PeriodView, PeriodViewSection } from './period-view';

/*
 * The side panel's list of a period: the officer's edits of its items (text, section, order,
 * deletion and its undo) and the list's filter. Every edit goes through `writeItem`: the field and
 * its outbox mutation in one transaction, so sync merges each field on its own and an edit made
 * elsewhere to another field survives.
 */

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
  const { text, kind } = record.fields;
  if (text) await learnCorrection(db, { text, category, ...(kind ? { kind } : {}) });
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

/** Where a dropped item goes: before or after the item it was dropped on; null for the section's end. */
export interface DropTarget {
  id: string;
  after: boolean;
}

/**
 * Drag and drop: the item goes to `section` (whole, not filtered: a hidden item keeps its place),
 * at the target's place, with a rank between its new neighbours — one write. Dropped into
 * another section, it takes that section's category as the officer's choice, a lesson for the
 * classifier as a move by the menu is. Returns false when nothing changes.
 */
export async function placeItem(
  db: GomDb,
  section: Pick<PeriodViewSection, 'category'> & { items: readonly Pick<Item, 'id' | 'rank'>[] },
  id: string,
  target: DropTarget | null,
): Promise<boolean> {
  const others = section.items.filter((item) => item.id !== id);
  const at = target ? others.findIndex((item) => item.id === target.id) : -1;
  const index = at < 0 ? others.length : at + (target?.after ? 1 : 0);
  const before = others[index - 1];
  const after = others[index];
  const current = section.items.find((item) => item.id === id);
  const rank =
    before && after
      ? (before.rank + after.rank) / 2
      : before
        ? before.rank + 1
        : after
          ? after.rank - 1
          : (current?.rank ?? Date.now());
  const changesSection = !current && section.category !== null;
  if (!changesSection && current?.rank === rank) return false;
  if (!changesSection) {
    await writeItem(db, id, { rank });
    return true;
  }
  const category = section.category as string;
  const record = await writeItem(db, id, { rank, category, categorySource: 'user' });
  const { text, kind } = record.fields;
  if (text) await learnCorrection(db, { text, category, ...(kind ? { kind } : {}) });
  return true;
}

/** Whose items the side panel shows. */
export type AuthorFilter = 'mine' | 'others' | null;

export interface ItemFilter {
  /** Words looked for in the text, compared as search compares ("hoá" finds "hóa"). */
  text: string;
  kind: ItemKind | null;
  author: AuthorFilter;
  /** ISO dates bounding the date of the action, both inclusive; '' leaves that end open. */
  from: string;
  to: string;
}

export const noFilter: ItemFilter = { text: '', kind: null, author: null, from: '', to: '' };

export function isFiltering(filter: ItemFilter): boolean {
  return filter.text.trim() !== '' || filter.kind !== null || filter.author !== null || !!filter.from || !!filter.to;
}

/**
 * Which items are this officer's. The server names authors by user id, which the extension is
 * not told for certain (a push's answer names the token's user, and the token can change); but the
 * clock of an item's `createdAt` carries the node that wrote it, and this browser's items came back
 * from the server under her id. An item without an author was written here before any push.
 */
export function mineIn(
  listed: readonly ListedItem[],
  clientId: string | undefined,
): (item: Pick<ListedItem, 'authorId'>) => boolean {
  const own = new Set<string>();
  for (const row of listed) {
    if (row.authorId && clientId && row.createdBy === clientId) own.add(row.authorId);
  }
  return (item) => item.authorId === null || own.has(item.authorId);
}

/** The view with only the matching items; sections and parts left empty are dropped. */
export function filterView(
  view: PeriodView,
  filter: ItemFilter,
  isMine: (item: ListedItem) => boolean = (item) => item.authorId === null,
): PeriodView {
  const words = canonicalText(filter.text).split(' ').filter(Boolean);
  if (!isFiltering(filter)) return view;
  const matches = (item: ListedItem) => {
    if (filter.kind && item.kind !== filter.kind) return false;
    if (filter.author && isMine(item) !== (filter.author === 'mine')) return false;
    if (filter.from && item.occurredOn < filter.from) return false;
    if (filter.to && item.occurredOn > filter.to) return false;
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
