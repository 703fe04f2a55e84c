import { z } from 'zod';
import taxonomyData from '../data/taxonomy.json';

/** Every template has a place for what fits nowhere else. */
export const CATCH_ALL_CATEGORY = 'other';

export const unitProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentAgency: z.string(),
  agency: z.string(),
  abbreviation: z.string(),
  place: z.string(),
});
export type UnitProfile = z.infer<typeof unitProfileSchema>;

export const categorySchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(1),
  variants: z.array(z.string()),
  description: z.string(),
});
export type Category = z.infer<typeof categorySchema>;

export const taxonomySchema = z.object({
  unit: unitProfileSchema,
  categories: z
    .array(categorySchema)
    .min(1)
    .refine((cs) => cs.some((c) => c.key === CATCH_ALL_CATEGORY), {
      message: `A taxonomy must have the catch-all category "other"`,
    }),
  parts: z.record(z.string(), z.array(z.string())),
  templates: z.record(z.string(), z.string()),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

/** The built-in unit: a provincial Department of Foreign Affairs (Sở Ngoại vụ). */
export const defaultTaxonomy: Taxonomy = taxonomySchema.parse(taxonomyData);

export function categoryTitle(taxonomy: Taxonomy, key: string | null): string {
  return taxonomy.categories.find((c) => c.key === key)?.title ?? key ?? '';
}
