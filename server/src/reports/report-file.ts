import {
  assembleReport,
  type Item,
  materializeItem,
  type PackedClocks,
  type ReportModel,
  type ReportSettings,
  type ReportTemplate,
  renderHtml,
  renderMarkdown,
  renderText,
  type UnitConfig,
  type UnitProfile,
  unitClassifier,
  unpackClocks,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import type { StoredItem } from '../storage/port';

export const reportFormats = ['docx', 'html', 'txt', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** One report model, laid out in the format asked for: the renderers take the model and nothing else. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(model);
  const text = format === 'html' ? renderHtml(model) : format === 'md' ? renderMarkdown(model) : renderText(model);
  return new TextEncoder().encode(text);
}

/**
 * Everything a report is built from, as plain data read beforehand: it crosses to a report worker
 * by structured clone. The period's items stay as the database wrote them, pages of JSON
 * (tombstones included), and become items in the build: parsing and cloning thousands of them held
 * the server's thread.
 */
export interface ReportJob {
  template: ReportTemplate;
  periodId: string;
  /** The period's items as a paged read gives them (`periodPages`): JSON arrays of stored items, in UTF-8. */
  pages: Uint8Array[];
  unit: UnitProfile;
  settings: ReportSettings;
  /** The unit's configuration: its rules and leads classify, its metrics count. */
  config: UnitConfig;
  issuedOn: string;
  asOf?: string | undefined;
  format: ReportFormat;
}

/** A built report: its bytes, and what the history keeps of it. */
export interface ReportFile {
  /** The period as the model names it. */
  periodId: string;
  itemIds: string[];
  body: Uint8Array;
}

/**
 * The records of a paged read, their clocks unpacked: the last version of each id, in revision
 * order. An item changed during the read is read again in a later page, at its new revision.
 */
export function latestRecords(pages: Uint8Array[]): StoredItem[] {
  const latest = new Map<string, StoredItem>();
  const text = new TextDecoder();
  for (const page of pages) {
    for (const item of JSON.parse(text.decode(page)) as Array<StoredItem & { clocks: PackedClocks }>) {
      // Set anew, so that the records stay in revision order, as one read gives them.
      latest.delete(item.id);
      latest.set(item.id, { ...item, clocks: unpackClocks(item.fields, item.clocks) });
    }
  }
  return [...latest.values()];
}

/** Items → report model → bytes: the CPU-bound part of a report, with no I/O, wherever it runs. */
export async function buildReportFile(job: ReportJob): Promise<ReportFile> {
  const items = latestRecords(job.pages)
    .map((record) => materializeItem(record, job.unit.id))
    .filter((item): item is Item => item !== null);
  const model = assembleReport({
    template: job.template,
    periodId: job.periodId,
    items,
    unit: job.unit,
    settings: job.settings,
    classifier: unitClassifier(job.config),
    metrics: job.config.metrics,
    issuedOn: job.issuedOn,
    ...(job.asOf ? { asOf: job.asOf } : {}),
  });
  return { periodId: model.period.id, itemIds: model.itemIds, body: await renderReport(model, job.format) };
}
