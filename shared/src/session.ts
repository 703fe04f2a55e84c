import { z } from 'zod';

/** `GET /v1/me`: who a token signs in as, so that the officer sees it before her first sync. */
export const meResponseSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
