import { z } from 'zod';
import type { SiteAdapter } from './adapter';
import { textFields } from './metadata';

const selector = z.string().trim().min(1).max(500);
const fieldRuleSchema = z
  .strictObject({ selector: selector.optional(), attribute: z.string().trim().min(1).max(100).optional() })
  .refine((rule) => rule.selector || rule.attribute, { message: 'A field needs a selector, an attribute, or both' });

/** A site adapter as an administrator writes it in the options page. */
export const siteAdapterSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'id: lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(200),
    hostPattern: z.string().regex(/^[a-z0-9*.-]+(:\d+)?$/i, 'hostPattern: a host name, `*` as a wildcard'),
    kind: z.enum(['list', 'detail']),
    direction: z.enum(['incoming', 'outgoing']).nullable().default(null),
    detect: selector,
    rows: selector.optional(),
    labels: selector.optional(),
    fields: z.partialRecord(z.enum(textFields as [string, ...string[]]), fieldRuleSchema),
  })
  .refine((adapter) => adapter.kind !== 'list' || adapter.rows, {
    message: 'A list adapter needs `rows`',
    path: ['rows'],
  }) satisfies z.ZodType<SiteAdapter, unknown>;

export const siteAdaptersSchema = z.array(siteAdapterSchema);

export type AdaptersParse = { ok: true; adapters: SiteAdapter[] } | { ok: false; errors: string[] };

/** The unit's adapters from the JSON an administrator pasted, or every reason it is refused. */
export function parseSiteAdapters(json: string): AdaptersParse {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = siteAdaptersSchema.safeParse(Array.isArray(value) ? value : [value]);
  if (parsed.success) return { ok: true, adapters: parsed.data as SiteAdapter[] };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}
