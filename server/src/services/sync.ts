import { mergeFields, mutationAsVersioned, type PullQuery, type PushRequest, type PushResponse } from '@gom/shared';
import type { BatchRead, PushChanges, Storage, StoredItem, User } from '../storage/port';

/**
 * Per-field last-writer-wins for each mutation of the batch, in order, on what the unit holds: the
 * items that change (in the order of their last change, so revisions follow the batch as one-by-one
 * puts would) and the mutation ids not applied yet. Pure: `stored` is left as it was.
 */
function mergeBatch(user: User, request: PushRequest, stored: BatchRead): PushChanges {
  const seen = new Set<string>();
  // A mutation delivered twice within one batch is a replay of itself: the first one applies.
  const fresh = request.mutations.filter(
    (m) => !stored.seen.has(m.mutationId) && !seen.has(m.mutationId) && seen.add(m.mutationId),
  );
  const changed = new Map<string, Omit<StoredItem, 'rev'>>();
  for (const mutation of fresh) {
    const current = changed.get(mutation.itemId) ?? stored.items.get(mutation.itemId);
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
  return { items: [...changed.values()], mutationIds: [...seen] };
}

/**
 * Applies a batch atomically: a new unit revision for each item that changed, and every mutation id
 * remembered so a retry changes nothing. The storage reads and writes the batch at once (with the
 * unit's other pushes of the moment), so a batch costs a fixed number of round trips; the merge
 * stays here.
 */
export async function applyPush(storage: Storage, user: User, request: PushRequest): Promise<PushResponse> {
  const applied = request.mutations.map((m) => m.mutationId);
  const { rev, epoch } = await storage.push(user.unitId, {
    clientId: request.clientId,
    mutationIds: [...new Set(applied)],
    itemIds: [...new Set(request.mutations.map((m) => m.itemId))],
    merge: (stored) => mergeBatch(user, request, stored),
  });
  return { applied, cursor: rev, authorId: user.id, unitId: user.unitId, epoch };
}

/**
 * One pull page as the response's UTF-8 JSON. The items are the stored JSON as the database spliced
 * it into an array, their clocks packed as stored, the one form a pull sends them in
 * (docs/sync.md): parsing them only to serialise them again took most of the server's time per page.
 */
export async function pullJson(storage: Storage, user: User, query: PullQuery) {
  const page = await storage.pullItemsJson(user.unitId, query.since, query.limit);
  return Buffer.concat([
    Buffer.from('{"items":'),
    page.items,
    Buffer.from(
      `,"cursor":${page.cursor},"hasMore":${page.hasMore},"unitId":${JSON.stringify(user.unitId)},"epoch":${JSON.stringify(page.epoch)}}`,
    ),
  ]);
}
