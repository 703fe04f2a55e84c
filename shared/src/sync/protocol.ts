import { z } from 'zod';
import { type ItemFieldsPatch, itemFieldsPatchSchema } from '../item';
import { hlcSchema } from './hlc';
import { isPackedClocks, type PackedClocks, unpackClocks } from './packed-clocks';
import type { ItemClocks } from './record';

/** Ids that clients make up: UUIDs or other opaque tokens safe in URLs and logs. */
const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientId: 1–64 letters, digits, _ or -');

export const mutationSchema = z.strictObject({
  mutationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'mutationId: 8–64 letters, digits, _ or -'),
  itemId: z.uuid(),
  hlc: hlcSchema,
  set: itemFieldsPatchSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const MAX_PUSH_MUTATIONS = 1000;

/** Whether two JSON values are equal: the same members, whatever their order in each object. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && sameJson(x[key], y[key]))
  );
}

const sameMutation = (a: Mutation, b: Mutation) => a.itemId === b.itemId && a.hlc === b.hlc && sameJson(a.set, b.set);

export const pushRequestSchema = z
  .strictObject({
    clientId: clientIdSchema,
    mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
  })
  // A mutation delivered twice in one batch is a retry, and the server applies it once. One id
  // carrying two different writes is no retry: applying either would lose the other while the
  // client, told the id is applied, drops both, so the batch is refused whole.
  .superRefine(({ mutations }, ctx) => {
    const byId = new Map<string, Mutation>();
    mutations.forEach((mutation, index) => {
      const first = byId.get(mutation.mutationId);
      if (first === undefined) byId.set(mutation.mutationId, mutation);
      else if (!sameMutation(first, mutation)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mutations', index, 'mutationId'],
          message: `mutationId ${mutation.mutationId} is used twice with different contents`,
        });
      }
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The token's unit, and the epoch of its revisions: renewed when the unit's data is restored from a
 * backup (`gom import`, `gom unit resync`), after which revisions already pulled may be handed out
 * again for other items. Servers before the epoch sent neither.
 */
const lineageSchema = {
  unitId: z.string().optional(),
  epoch: z.string().optional(),
};

export const pushResponseSchema = z.object({
  applied: z.array(z.string()),
  /** The unit's revision just after this push's changes. */
  cursor: z.number().int().nonnegative(),
  /**
   * The author the server gives an item this token pushes first: the token's user. A client gives
   * it to the items it creates, so that the server's version of them, when pulled, is the one it
   * holds already (nothing to write).
   */
  authorId: z.string().optional(),
  ...lineageSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const MAX_PULL_LIMIT = 1000;

export const pullQuerySchema = z.strictObject({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** An item as a replica holds it: whatever fields it has, each with the clock of its last write. */
export interface VersionedItem {
  id: string;
  fields: ItemFieldsPatch;
  clocks: ItemClocks;
}

export interface PulledItem extends VersionedItem {
  rev: number;
  authorId: string | null;
}

const UUID = z.regexes.uuid();
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A pulled item as the answer carries it: its clocks packed (`packed-clocks.ts`). */
export interface PulledItemOnWire extends Omit<PulledItem, 'clocks'> {
  clocks: PackedClocks;
}

/**
 * Whether a value is an item as the server sends it: a UUID, a positive integer revision, an
 * author id or null, fields, and packed HLCs for them among the item's known fields. One
 * function rather than zod's object and record schemas: a first sync checks every item of the unit,
 * and zod copies each one it checks.
 */
export function isPulledItem(value: unknown): value is PulledItemOnWire {
  if (!isRecord(value)) return false;
  const { id, rev, authorId, fields, clocks } = value;
  return (
    typeof id === 'string' &&
    UUID.test(id) &&
    Number.isSafeInteger(rev) &&
    (rev as number) > 0 &&
    (authorId === null || typeof authorId === 'string') &&
    isRecord(fields) &&
    isPackedClocks(clocks)
  );
}

/** A pulled item, its clocks unpacked: the parsed answer is this client's own, so changed in place, not copied. */
export const pulledItemSchema = z
  .custom<PulledItemOnWire>(isPulledItem, 'Not an item: id, rev, authorId, fields, clocks')
  .transform((item): PulledItem => {
    item.clocks = unpackClocks(item.fields, item.clocks);
    return item;
  });

export const pullResponseSchema = z.object({
  items: z.array(pulledItemSchema),
  /**
   * The revision pulled up to. On an empty page, the unit's revision when it is below `since`:
   * the server went back in time (restored from a backup) past what this replica has seen.
   */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  ...lineageSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
