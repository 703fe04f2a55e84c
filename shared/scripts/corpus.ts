/**
 * The clean Vietnamese text the repair model learns from (sources and licences in
 * `shared/data/README.md`), split so that an evaluation can hold a sample report out: a report, the
 * outgoing documents behind its items, and every other project text except what the held-out
 * report itself says (a heading of a template that the report repeats is the report's, not extra).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSyllable } from '../src/repair/syllable';
import { joinPdfLines } from '../src/text';

const data = join(import.meta.dirname, '..', 'data');

/** The sample reports, and the prefix of the item ids of their documents in `documents.jsonl`. */
export const SAMPLE_REPORTS: Record<string, string> = {
  'bao-cao-tuan-2023-08-24.txt': '001-',
  'bao-cao-thang-2021-03.md': '002-',
};

export function readSampleReport(name: string): string {
  return joinPdfLines(readFileSync(join(data, name), 'utf8'));
}

/** The summaries (trích yếu) of the outgoing documents behind a report's items. */
function documentsOf(report: string): string[] {
  const prefix = SAMPLE_REPORTS[report]!;
  return readFileSync(join(data, 'documents.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { itemId: string; summary: string; recipients?: string[] })
    .filter((d) => d.itemId.startsWith(prefix))
    .flatMap((d) => [d.summary, ...(d.recipients ?? [])]);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

/** Vietnamese strings of the grouping data and the domain-note phrases: text of no one report. */
function projectTexts(): string[] {
  const json = ['taxonomy.json', 'templates.json', 'metrics.json', 'leads.json', 'rules.json'].flatMap((name) =>
    strings(JSON.parse(readFileSync(join(data, name), 'utf8'))),
  );
  const phrases = readFileSync(join(data, 'vi-domain-phrases.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return [...json, ...phrases].filter(isVietnamese);
}

/**
 * Vietnamese prose, not a template's English note or a placeholder ("năm N", "policy_documents"):
 * nearly every word a syllable, and no one-letter capital, which would pass for an abbreviation.
 */
function isVietnamese(text: string): boolean {
  if (!VIETNAMESE.test(text)) return false;
  const words = text.match(/[\p{L}\p{M}]+/gu) ?? [];
  if (words.some((w) => /^\p{Lu}$/u.test(w))) return false;
  const syllables = words.filter((w) => isSyllable(w) || (w.length > 1 && w === w.toUpperCase())).length;
  return syllables >= 0.9 * words.length;
}

/** Every text to learn from, or all but what belongs to `heldOut` (a sample report's file name). */
export function trainingTexts(heldOut?: string): string[] {
  const reports = Object.keys(SAMPLE_REPORTS).filter((r) => r !== heldOut);
  const held = heldOut ? readSampleReport(heldOut).toLowerCase().replace(/\s+/g, ' ') : '';
  const shared = projectTexts().filter((s) => !heldOut || !held.includes(s.toLowerCase().replace(/\s+/g, ' ').trim()));
  return [...reports.map(readSampleReport), ...reports.flatMap(documentsOf), ...shared];
}
