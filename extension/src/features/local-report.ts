import {
  applyReportSettings,
  buildReport,
  type Classifier,
  checkReport,
  defaultTaxonomy,
  type Finding,
  type Period,
  periodContains,
  type ReportModel,
  type ReportSettings,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import type { GomDb } from './db';
import { templateFor } from './period-choice';
import { itemsInPeriod, recordsInPeriod } from './period-view';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LocalReport {
  model: ReportModel;
  /** What the report check found, each with where it is; shown before the file is saved. */
  findings: Finding[];
}

/**
 * The period's report from this browser's own items, with no server: the shared pipeline the
 * server runs, so the officer's report offline reads as the team's does online. A report made
 * before its period ends says how far its data reaches.
 */
export async function buildLocalReport({
  db,
  period,
  settings = {},
  classifier,
  today,
}: {
  db: GomDb;
  period: Period;
  settings?: ReportSettings;
  classifier?: Classifier;
  /** ISO date: the header's date, and how far the data reaches while the period runs. */
  today: string;
}): Promise<LocalReport> {
  const items = itemsInPeriod(await recordsInPeriod(db, period), period);
  const applied = applyReportSettings(templateFor(period), defaultTaxonomy.unit, settings);
  const running = periodContains(period, today) && today < period.to;
  const model = buildReport({
    items,
    period,
    ...applied,
    issuedOn: today,
    ...(running ? { asOf: today } : {}),
    blankDay: settings.blankDay ?? false,
    ...(classifier ? { classifier } : {}),
  });
  return { model, findings: checkReport(model, period) };
}

/**
 * The model with the officer's edits of the preview: `edits` maps a bullet's key
 * ("part.section.bullet", as the editable preview marks it) to its new text. A copy: the edits
 * change this export only, never the saved items; an emptied bullet is left out.
 */
export function withBulletEdits(model: ReportModel, edits: ReadonlyMap<string, string>): ReportModel {
  if (edits.size === 0) return model;
  const edited = (pi: number, si: number, bi: number, text: string): string =>
    edits.get(`${pi}.${si}.${bi}`)?.replace(/\s+/g, ' ').trim() ?? text;
  // A footnote hangs on its bullet by index: it follows its bullet past the emptied ones, and
  // goes with a bullet that was emptied.
  const footnotes = model.footnotes.flatMap((note) => {
    const bullets = model.parts[note.part]?.sections[note.section]?.bullets ?? [];
    if (!edited(note.part, note.section, note.bullet, bullets[note.bullet] ?? '')) return [];
    const emptiedBefore = bullets
      .slice(0, note.bullet)
      .filter((text, bi) => !edited(note.part, note.section, bi, text)).length;
    return [{ ...note, bullet: note.bullet - emptiedBefore }];
  });
  return {
    ...model,
    footnotes,
    parts: model.parts.map((part, pi) => ({
      ...part,
      sections: part.sections.map((section, si) => ({
        ...section,
        bullets: section.bullets.map((text, bi) => edited(pi, si, bi, text)).filter((text) => text.length > 0),
      })),
    })),
  };
}

export async function docxBlob(model: ReportModel): Promise<Blob> {
  const bytes = (await renderDocx(model)) as Uint8Array<ArrayBuffer>;
  return new Blob([bytes], { type: DOCX_TYPE });
}
