import { mergeFields, mutationAsVersioned, type PullQuery, type PushRequest, type PushResponse } from '@gom/shared';
import type { Storage, StoredItem, User } from '../storage/port';

/**
 * Applies a batch in one transaction: per-field last-writer-wins for each mutation, in order, a new
 * unit revision for each item that changed, and every mutation id remembered so a retry changes
 * nothing. The storage is read once and written once for the whole batch (the applied ids and held
 * items, then the changed items and new ids), so a batch costs a fixed number of round trips; the
 * merge stays here.
 */
export async function applyPush(storage: Storage, user: User, request: PushRequest): Promise<PushResponse> {
  const { unitId } = user;
  const applied = request.mutations.map((m) => m.mutationId);
  return storage.transaction(unitId, async (tx) => {
    const { seen, items: held } = await tx.read(
      unitId,
      [...new Set(applied)],
      [...new Set(request.mutations.map((m) => m.itemId))],
    );
    // A mutation delivered twice within one batch is a replay of itself: the first one applies.
    const fresh = request.mutations.filter((m) => !seen.has(m.mutationId) && seen.add(m.mutationId));
    // Items in the order of their last change, so revisions follow the batch as one-by-one puts would.
    const changed = new Map<string, Omit<StoredItem, 'rev'>>();
    for (const mutation of fresh) {
      const current = changed.get(mutation.itemId) ?? held.get(mutation.itemId);
      const merged = mergeFields(current, mutationAsVersioned(mutation));
      if (merged.changed.length === 0) continue;
      changed.delete(mutation.itemId);
      changed.set(mutation.itemId, {
        id: mutation.itemId,
        authorId: current?.authorId ?? user.id,
        fields: merged.fields,
        clocks: merged.clocks,
      });
    }
    if (fresh.length > 0) {
      await tx.write(
        unitId,
        [...changed.values()],
        fresh.map((m) => m.mutationId),
        request.clientId,
      );
    }
    return { applied, cursor: await tx.currentRev(unitId) };
  });
}

/**
 * One pull page as the response's UTF-8 JSON. The items are the stored JSON as the database spliced
 * it into an array: parsing them only to serialise them again took most of the server's time per page.
 */
export async function pullJson(storage: Storage, user: User, query: PullQuery) {
  const page = await storage.pullItemsJson(user.unitId, query.since, query.limit);
  return Buffer.concat([
    Buffer.from('{"items":'),
    page.items,
    Buffer.from(`,"cursor":${page.cursor},"hasMore":${page.hasMore}}`),
  ]);
}
