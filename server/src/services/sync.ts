import {
  mergeFields,
  mutationAsVersioned,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '@gom/shared';
import type { Storage, User } from '../storage/port';

/**
 * Applies a batch in one transaction: per-field last-writer-wins for each mutation, a new unit
 * revision for each item that changed, and every mutation id remembered so a retry changes nothing.
 */
export async function applyPush(storage: Storage, user: User, request: PushRequest): Promise<PushResponse> {
  return storage.transaction(user.unitId, async (tx) => {
    const applied: string[] = [];
    for (const mutation of request.mutations) {
      applied.push(mutation.mutationId);
      if (await tx.hasMutation(user.unitId, mutation.mutationId)) continue;
      const held = await tx.getItem(user.unitId, mutation.itemId);
      const merged = mergeFields(held, mutationAsVersioned(mutation));
      if (merged.changed.length > 0) {
        await tx.putItem(user.unitId, {
          id: mutation.itemId,
          authorId: held?.authorId ?? user.id,
          fields: merged.fields,
          clocks: merged.clocks,
        });
      }
      await tx.recordMutation(user.unitId, mutation.mutationId, request.clientId);
    }
    return { applied, cursor: await tx.currentRev(user.unitId) };
  });
}

export async function pull(storage: Storage, user: User, query: PullQuery): Promise<PullResponse> {
  const page = await storage.pullItems(user.unitId, query.since, query.limit);
  return {
    items: page.items.map(({ id, rev, authorId, fields, clocks }) => ({ id, rev, authorId, fields, clocks })),
    cursor: page.cursor,
    hasMore: page.hasMore,
  };
}
