import { z } from 'zod';
import { hlcSchema, type ItemClocks, type ItemFieldsPatch, itemClocksSchema, itemFieldsPatchSchema } from './item';

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

export const pushRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  applied: z.array(z.string()),
  cursor: z.number().int().nonnegative(),
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

export const pulledItemSchema = z.object({
  id: z.uuid(),
  rev: z.number().int().positive(),
  authorId: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()).pipe(z.custom<ItemFieldsPatch>()),
  clocks: itemClocksSchema,
});
export type PulledItem = z.infer<typeof pulledItemSchema>;

export const pullResponseSchema = z.object({
  items: z.array(pulledItemSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
