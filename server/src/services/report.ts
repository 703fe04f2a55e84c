import { randomUUID } from 'node:crypto';
import {
  assembleReport,
  type Item,
  localIsoDate,
  materializeItem,
  parsePeriod,
  periodOptions,
  type ReportKind,
  type ReportModel,
  renderHtml,
  renderMarkdown,
  renderText,
  unitClassifier,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import { NotFoundError, type ReportRecord, type Storage, type User } from '../storage/port';
import { unitConfig } from './config';

export const reportFormats = ['docx', 'html', 'txt', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** One report model, laid out in the format asked for: the renderers take the model and nothing else. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(model);
  const text = format === 'html' ? renderHtml(model) : format === 'md' ? renderMarkdown(model) : renderText(model);
  return new TextEncoder().encode(text);
}

/** "bao-cao-thang-2021-03.docx": what officers call the file, ASCII so that every mail client keeps it. */
export function reportFileName(kind: ReportKind, periodId: string, format: ReportFormat): string {
  const word: Record<ReportKind, string> = {
    week: 'tuan',
    month: 'thang',
    quarter: 'quy',
    half_year: '6-thang',
    nine_months: '9-thang',
    year: 'nam',
  };
  return `bao-cao-${word[kind]}-${periodId.replace(/\.\./g, '_')}.${format}`;
}

export interface UnitReportRequest {
  kind: ReportKind;
  periodId: string;
  format: ReportFormat;
  /** The moment of the export, kept in the history. */
  today?: Date;
  /** The date the report is issued (ISO): the header's date; today's by default. */
  issued?: string | undefined;
  /** The last day of data, for a report due before its period ends; the issue date by default. */
  asOf?: string | undefined;
}

/**
 * The unit's team report: every member's items of the period, the unit's template of that kind and
 * its settings; the export is kept in the history (kind, period, items, who, when).
 */
export async function unitReport(
  storage: Storage,
  user: User,
  { kind, periodId, format, today = new Date(), issued, asOf }: UnitReportRequest,
): Promise<{ model: ReportModel; body: Uint8Array }> {
  const unit = await storage.getUnit(user.unitId);
  if (!unit) throw new NotFoundError(`Unit ${user.unitId} not found`);
  // The unit's own templates, rules, leads and metrics where its admin replaced them.
  const config = await unitConfig(storage, unit.id);
  const template = config.templates.find((t) => t.kind === kind);
  if (!template) throw new NotFoundError(`No template for ${kind}`);
  const settings = await storage.getReportSettings(unit.id, kind);
  // Parsed here for the range to read; assembleReport checks the period against the template.
  const range = parsePeriod(periodId, periodOptions(settings));
  const stored = await storage.itemsOccurringBetween(unit.id, range.from, range.to);
  const items = stored.map((record) => materializeItem(record, unit.id)).filter((item): item is Item => item !== null);
  const model = assembleReport({
    template,
    periodId,
    items,
    unit,
    settings,
    classifier: unitClassifier(config),
    metrics: config.metrics,
    issuedOn: issued ?? localIsoDate(today),
    ...(asOf ? { asOf } : {}),
  });
  const body = await renderReport(model, format);
  const record: ReportRecord = {
    id: randomUUID(),
    unitId: unit.id,
    kind,
    periodId: model.period.id,
    templateId: template.id,
    format,
    itemIds: model.itemIds,
    userId: user.id,
    createdAt: today.toISOString(),
  };
  await storage.addReportRecord(record);
  return { model, body };
}

/** An item in an exported report: the extension shows it as reported. */
export interface ReportedItem {
  itemId: string;
  kind: ReportKind;
  periodId: string;
  reportId: string;
  reportedAt: string;
}

/**
 * The items of the unit's exported reports, once per item and kind of report (the latest export),
 * newest first. The HTML preview is not an export: an officer looks at it before deciding.
 * With `since`, only exports after that time, so that a client can ask for what is new.
 */
export async function reportedItems(
  storage: Storage,
  unitId: string,
  { kind, since }: { kind?: ReportKind; since?: string } = {},
): Promise<ReportedItem[]> {
  const records = await storage.listReportRecords(unitId);
  const reported = new Map<string, ReportedItem>();
  for (const record of records) {
    if (record.format === 'html' || (kind && record.kind !== kind) || (since && record.createdAt <= since)) continue;
    for (const itemId of record.itemIds) {
      const key = `${record.kind} ${itemId}`;
      if (reported.has(key)) continue;
      reported.set(key, {
        itemId,
        kind: record.kind,
        periodId: record.periodId,
        reportId: record.id,
        reportedAt: record.createdAt,
      });
    }
  }
  return [...reported.values()];
}
