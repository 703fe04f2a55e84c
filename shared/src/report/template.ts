import { z } from 'zod';
import templatesData from '../../data/templates.json';
import { itemKindSchema } from '../item';
import { CATCH_ALL_CATEGORY } from '../taxonomy';

export const reportKinds = ['week', 'month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export const reportKindSchema = z.enum(reportKinds);
export type ReportKind = z.infer<typeof reportKindSchema>;

const sectionSchema = z.object({
  title: z.string().min(1),
  categories: z.array(z.string()).min(1),
  /**
   * Consecutive sections with the same group sit under one numbered heading and are numbered
   * beneath it, as the annual report's "2. Kết quả trên các lĩnh vực" with 2.1, 2.2 …
   */
  group: z.string().min(1).optional(),
});

const partSchema = z.object({
  /** `{period}` and `{nextPeriod}` are filled in, upper-cased where the heading is. */
  heading: z.string().min(1),
  /** The kinds of item the part lists; none for a part the officer writes herself (difficulties). */
  kinds: z.array(itemKindSchema),
  /** Sections in report order; none means one flat list of every category. */
  sections: z.array(sectionSchema),
  /** False for a list ordered by section but printed without headings (the weekly report). */
  numbered: z.boolean().default(true),
});
export type TemplatePart = z.infer<typeof partSchema>;

/**
 * A report template: data a unit's administrator can replace, validated. Texts take the
 * placeholders `{unit}`, `{period}` and `{nextPeriod}` ("tháng 3/2021", "quý II/2025" …).
 */
export const reportTemplateSchema = z
  .object({
    id: z.string().min(1),
    kind: reportKindSchema,
    summary: z.string(),
    addressees: z.array(z.string()),
    opening: z.string(),
    parts: z.array(partSchema).min(1),
    closing: z.string().refine((text) => text.endsWith('./.'), {
      message: 'A report closes with "./." (Nghị định 30)',
    }),
    recipients: z.array(z.string()),
    signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  })
  .refine(
    (template) =>
      template.parts.every(
        (part) => part.sections.length === 0 || part.sections.some((s) => s.categories.includes(CATCH_ALL_CATEGORY)),
      ),
    { message: `Every sectioned part needs a section for the catch-all category "${CATCH_ALL_CATEGORY}"` },
  );
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

/** The default unit's templates, one per report kind, laid out as its sample reports. */
export const defaultTemplates: ReportTemplate[] = z
  .object({ templates: z.array(reportTemplateSchema) })
  .parse(templatesData).templates;

export function findTemplate(id: string, templates: ReportTemplate[] = defaultTemplates): ReportTemplate | undefined {
  return templates.find((t) => t.id === id);
}

/** The monthly report of the default unit, as the sample report of March 2021. */
export const defaultMonthTemplate: ReportTemplate = findTemplate('so-ngoai-vu')!;
