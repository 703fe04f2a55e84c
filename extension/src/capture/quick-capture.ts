import {
  type CategoryScore,
  type Classifier,
  categoryTitle,
  cleanText,
  createClassifier,
  type DocumentMetadata,
  defaultItemFields,
  defaultTaxonomy,
  detectLead,
  type Item,
  type ItemFieldsPatch,
  type ItemKind,
  localIsoDate,
  suggestCategory,
  suggestItem,
  type Taxonomy,
  textUnderLead,
  toSourceDocument,
} from '@gom/shared';
import { OfficerError } from '../officer-error';
import { learnCorrection } from '../store/classifier-store';
import type { GomDb } from '../store/db';
import { writeItem } from '../store/write-item';
import { correctedNow } from '../sync/server-clock';
import { documentCitedIn } from './clip';
import type { PageRead } from './read-tab';

type DirectiveStatus = NonNullable<Item['status']>;

/** Where a quick capture starts: the selection and the page it was made on. */
export interface CaptureDraft {
  /** The selection as the browser gave it; kept as provenance. */
  selection: string;
  url: string | null;
  title: string | null;
  /** The page's document when it shows exactly one (a detail page). */
  document: DocumentMetadata | null;
  /**
   * The officer already asked for it to be saved (a context-menu clip held back for her to review
   * its repair): closing the form without saving it must be asked twice, or the clip is lost.
   */
  clipped?: boolean;
}

/** What the form holds; every field is the officer's to change before saving. */
export interface CaptureForm {
  text: string;
  lead: string;
  kind: ItemKind;
  category: string;
  /** `user` once the officer picked a category; a suggestion is never taken for her choice. */
  categorySource: 'user' | 'suggested';
  occurredOn: string;
  metric: string;
  value: string;
  dueOn: string;
  status: DirectiveStatus;
}

export const emptyDraft: CaptureDraft = { selection: '', url: null, title: null, document: null };

export function draftFromPage(read: PageRead): CaptureDraft {
  const documents = read.documents.documents;
  return {
    selection: read.selection,
    url: read.url || null,
    title: read.title || null,
    document: documents.length === 1 ? documents[0]! : null,
  };
}

export interface CategoryChoice extends CategoryScore {
  title: string;
}

/**
 * Three categories for the form as it stands, with their titles: the unit's classifier's
 * suggestions (its rules and what the officer's corrections taught), best first, then the
 * taxonomy's order when it names fewer — the officer always has three keys.
 */
export function categoryChoices(
  form: Pick<CaptureForm, 'text' | 'lead' | 'kind'>,
  document: DocumentMetadata | null,
  classifier: Classifier = createClassifier(),
  taxonomy: Taxonomy = defaultTaxonomy,
): CategoryChoice[] {
  const { top } = suggestCategory(
    {
      text: form.text || ' ',
      kind: form.kind,
      lead: form.lead || null,
      source: document ? { url: null, title: null, selection: null, document: toSourceDocument(document) } : null,
    },
    classifier,
  );
  const others = taxonomy.categories
    .filter((category) => !top.some((score) => score.category === category.key))
    .map((category) => ({ category: category.key, confidence: 0 }));
  return [...top, ...others].slice(0, 3).map((score) => ({ ...score, title: categoryTitle(taxonomy, score.category) }));
}

/**
 * The form as it opens: the selection cleaned; with no selection on a document's page, the
 * sentence Gom suggests for that document; the lead the text starts with; today's date.
 */
export function initialForm(
  draft: CaptureDraft,
  today: string,
  classifier: Classifier = createClassifier(),
): CaptureForm {
  const selected = cleanText(draft.selection);
  const suggested = !selected && draft.document ? suggestItem(draft.document) : null;
  const text = selected || suggested?.text || '';
  const lead = suggested?.lead ?? detectLead(text)?.lead ?? '';
  const form: CaptureForm = {
    text,
    lead,
    kind: 'result',
    category: '',
    categorySource: 'suggested',
    occurredOn: today,
    metric: '',
    value: '',
    dueOn: '',
    status: 'pending',
  };
  form.category = categoryChoices(form, draft.document, classifier)[0]?.category ?? '';
  return form;
}

/** A figure typed the Vietnamese way ("1.107", "2,5") or the programmer's ("2.5"). */
export function parseFigure(input: string): number | null {
  const compact = input.trim().replace(/\s/g, '');
  if (!compact) return null;
  const normalised = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)
    ? compact.replace(/\./g, '').replace(',', '.')
    : compact.replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Saves the form as one item with its outbox mutation (one transaction); returns the item's id. */
export async function saveCapture(
  db: GomDb,
  draft: CaptureDraft,
  form: CaptureForm,
  now = new Date(),
): Promise<string> {
  const typed = cleanText(form.text);
  if (!typed) throw new OfficerError('emptyClip');
  const lead = cleanText(form.lead) || null;
  // A lead typed apart from the text is the start of the bullet: the text carries it, so that the
  // side panel shows it and the report merges the item under it.
  const text = textUnderLead(typed, lead);
  const value = parseFigure(form.value);
  if (form.kind === 'stat' && (!form.metric || value === null)) throw new OfficerError('missingFigure');
  const at = await correctedNow(db, now);
  const set: ItemFieldsPatch = {
    ...defaultItemFields(form.occurredOn || localIsoDate(at), at.toISOString()),
    kind: form.kind,
    text,
    lead,
    category: form.category || null,
    categorySource: form.category ? form.categorySource : null,
    metric: form.kind === 'stat' ? form.metric : null,
    value: form.kind === 'stat' ? value : null,
    dueOn: form.kind === 'directive' && form.dueOn ? form.dueOn : null,
    status: form.kind === 'directive' ? form.status : null,
    // Milliseconds since 1970 sort after every rank given so far: a new clip goes last in its section.
    rank: at.getTime(),
    source: {
      url: draft.url?.slice(0, 4000) ?? null,
      title: draft.title?.slice(0, 1000) ?? null,
      selection: draft.selection ? draft.selection.slice(0, 20000) : null,
      // The page's document when it shows one; else one the officer's sentence cites.
      document: draft.document ? toSourceDocument(draft.document) : documentCitedIn(text),
    },
  };
  const id = crypto.randomUUID();
  await writeItem(db, id, set, now.getTime());
  // A category the officer picked over the suggestion is a lesson; one she left is not news.
  if (form.category && form.categorySource === 'user') {
    await learnCorrection(db, { text, category: form.category, kind: form.kind });
  }
  return id;
}
