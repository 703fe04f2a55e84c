import {
  applyReportSettings,
  type BulletJoin,
  type BulletPlace,
  buildReport,
  type Classifier,
  checkReport,
  type Finding,
  joinBullets,
  type Period,
  type ReportModel,
  type ReportSettings,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import { templateFor } from '../period/panel-periods';
import { itemsInPeriod, recordsInPeriod } from '../period/period-view';
import { loadClassifier } from '../store/classifier-store';
import type { GomDb } from '../store/db';
import { loadUnitConfig } from '../store/unit-config-store';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LocalReport {
  model: ReportModel;
  /** What the report check found, each with where it is; shown before the file is saved. */
  findings: Finding[];
}

/**
 * The period's report from this browser's own items, with no server: the shared pipeline the
 * server runs, with the unit's templates, metric catalog and classifier as the last sync brought
 * them, so the officer's report offline reads as the team's does online. A report issued
 * before its period ends says how far its data reaches, as the server's does.
 */
export async function buildLocalReport({
  db,
  period,
  settings = {},
  classifier,
  today,
  issuedOn = today,
}: {
  db: GomDb;
  period: Period;
  settings?: ReportSettings;
  classifier?: Classifier;
  /** ISO date of today. */
  today: string;
  /** ISO date the report is issued, today unless the officer chose another: the header's date, and the data's reach. */
  issuedOn?: string;
}): Promise<LocalReport> {
  const items = itemsInPeriod(await recordsInPeriod(db, period), period);
  const unit = await loadUnitConfig(db);
  const applied = applyReportSettings(templateFor(period, unit.templates), unit.taxonomy.unit, settings);
  const model = buildReport({
    items,
    period,
    ...applied,
    issuedOn,
    asOf: issuedOn,
    blankDay: settings.blankDay ?? false,
    classifier: classifier ?? (await loadClassifier(db)),
    metrics: unit.metrics,
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
    const place = placeAfterEdits(model, edits, `${note.part}.${note.section}.${note.bullet}`);
    return place ? [{ ...note, bullet: place.bullet }] : [];
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

/**
 * What the officer changed in the preview, in order: bullets edited (by their keys in the model as
 * it then was), two bullets joined. Kept apart from the model built from the items so that the
 * model can be built again (another issue date) with her changes made over it once more.
 */
export type PreviewChange =
  | { kind: 'edits'; edits: ReadonlyMap<string, string> }
  | { kind: 'join'; at: BulletPlace; join: BulletJoin };

export function withPreviewChanges(model: ReportModel, changes: readonly PreviewChange[]): ReportModel {
  return changes.reduce(
    (current, change) =>
      change.kind === 'edits'
        ? withBulletEdits(current, change.edits)
        : (joinBullets(current, change.at, change.join) ?? current),
    model,
  );
}

/**
 * Where the bullet marked `key` in `model` stands once `edits` are made (emptied bullets before it
 * in its section are gone); null when it is not in the model or was emptied itself.
 */
export function placeAfterEdits(
  model: ReportModel,
  edits: ReadonlyMap<string, string>,
  key: string,
): BulletPlace | null {
  const [part, section, bullet] = key.split('.').map(Number) as [number, number, number];
  const bullets = model.parts[part]?.sections[section]?.bullets ?? [];
  const kept = (text: string, bi: number): boolean =>
    (edits.get(`${part}.${section}.${bi}`)?.replace(/\s+/g, ' ').trim() ?? text).length > 0;
  const text = bullets[bullet];
  if (text === undefined || !kept(text, bullet)) return null;
  return { part, section, bullet: bullets.slice(0, bullet).filter(kept).length };
}

export async function docxBlob(model: ReportModel): Promise<Blob> {
  const bytes = (await renderDocx(model)) as Uint8Array<ArrayBuffer>;
  return new Blob([bytes], { type: DOCX_TYPE });
}
