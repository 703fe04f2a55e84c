import { z } from 'zod';
import type { Cutoff, PeriodKind, PeriodOptions } from '../periods/period';
import type { UnitProfile } from '../taxonomy';
import type { ReportKind, ReportTemplate } from './template';

const line = z.string().trim().min(1).max(300);

/**
 * A unit's own settings for one kind of report, over the template's defaults: the header, who the
 * report goes to, who signs it, and how its periods are cut. Every field is optional: what is not
 * set comes from the template and the unit, field by field (a signer's name alone keeps the
 * template's authority and title).
 */
export const reportSettingsSchema = z
  .object({
    parentAgency: z.string().trim().max(200).optional(),
    agency: line.optional(),
    /** The drafting agency's abbreviation after "BC-" in the number line (Nghị định 30, Phụ lục III). */
    abbreviation: z
      .string()
      .regex(/^[\p{L}\d]+(-[\p{L}\d]+)*$/u, 'Chữ viết tắt chỉ gồm chữ và số / letters and digits only')
      .optional(),
    place: z.string().trim().max(100).optional(),
    /** The day of the place-and-date line left blank, to be written in on the day of signing. */
    blankDay: z.boolean().optional(),
    addressees: z.array(line).max(20).optional(),
    recipients: z
      .array(line)
      .min(1)
      .max(30)
      .refine((list) => /^Lưu:/u.test(list.at(-1) ?? ''), {
        message: 'Dòng cuối của Nơi nhận là "Lưu: VT, …" / The last recipient is "Lưu: VT, …" (Nghị định 30)',
      })
      .optional(),
    /** Any of the three: the signer's name alone is the commonest change, the rest from the template. */
    signer: z
      .object({ authority: z.string().trim().max(100), title: line, name: z.string().trim().max(100) })
      .partial()
      .optional(),
    cutoff: z.enum(['calendar', 'nd09']).optional(),
    week: z.object({ startOffset: z.number().int().min(0).max(6), days: z.number().int().min(1).max(14) }).optional(),
  })
  .strict();
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** The template and unit a report is built with, once the unit's settings are laid over them. */
export function applyReportSettings(
  template: ReportTemplate,
  unit: UnitProfile,
  settings: ReportSettings,
): { template: ReportTemplate; unit: UnitProfile } {
  return {
    template: {
      ...template,
      addressees: settings.addressees ?? template.addressees,
      recipients: settings.recipients ?? template.recipients,
      signer: { ...template.signer, ...settings.signer },
    },
    unit: {
      ...unit,
      parentAgency: settings.parentAgency ?? unit.parentAgency,
      agency: settings.agency ?? unit.agency,
      abbreviation: settings.abbreviation ?? unit.abbreviation,
      place: settings.place ?? unit.place,
    },
  };
}

/** How the unit cuts this kind's periods. */
export function periodOptions(settings: ReportSettings): PeriodOptions & { cutoff: Cutoff } {
  return { cutoff: settings.cutoff ?? 'calendar', ...(settings.week ? { week: settings.week } : {}) };
}

const PERIOD_KIND: Record<ReportKind, PeriodKind> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  half_year: 'half',
  nine_months: 'nine_months',
  year: 'year',
};

/** The kind of period a kind of report covers; any report may also cover a custom range. */
export function periodKindOf(kind: ReportKind): PeriodKind {
  return PERIOD_KIND[kind];
}
