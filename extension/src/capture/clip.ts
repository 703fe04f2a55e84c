import {
  type Classifier,
  cleanText,
  defaultItemFields,
  findReferences,
  type ItemFieldsPatch,
  localIsoDate,
  type Period,
  type SourceDocument,
  sourceDocumentSchema,
  suggestCategory,
} from '@gom/shared';
import { OfficerError } from '../officer-error';
import { loadClassifier } from '../store/classifier-store';
import type { GomDb } from '../store/db';
import { writeItem } from '../store/write-item';
import { correctedNow } from '../sync/server-clock';
import { duplicatePeriod, findDuplicate } from './duplicate';

export interface ClipInput {
  /** The selection as the browser gave it (PDF line breaks and all). */
  text: string;
  url?: string | null;
  title?: string | null;
}

// The page's address, title and raw selection are provenance, not the officer's words: cut to the
// schema's limits rather than lose the clip over a long URL.
const URL_MAX = 4000;
const TITLE_MAX = 1000;
const SELECTION_MAX = 20000;

/** The first document the text cites, as an item's source document. */
export function documentCitedIn(text: string): SourceDocument | null {
  const found = findReferences(text)[0];
  if (!found) return null;
  const document: SourceDocument = {
    reference: found.ref,
    type: found.type,
    issuedOn: found.date,
    issuer: found.issuer,
    summary: found.summary,
    signer: null,
    direction: null,
    dueOn: null,
  };
  // "ngày 31/02/2021" is a typo in the document, not a reason to refuse the clip.
  if (!sourceDocumentSchema.shape.issuedOn.safeParse(document.issuedOn).success) document.issuedOn = null;
  return document;
}

/** A clip from a selection: cleaned, its document recognised, its category guessed; returns the new item's id. */
export async function saveClip(
  db: GomDb,
  { text, url, title }: ClipInput,
  now: Date = new Date(),
  classifier: Promise<Classifier> | Classifier = loadClassifier(db),
): Promise<string> {
  const cleaned = cleanText(text);
  if (!cleaned) throw new OfficerError('emptyClip');
  const id = crypto.randomUUID();
  // Dated by the server's clock: a PC set to 2020 would file the clip in a report long issued.
  const at = await correctedNow(db, now);
  const document = documentCitedIn(cleaned);
  // The unit's rules and what the officer's corrections taught: a clip like one she moved goes where she moved it.
  const suggestion = suggestCategory(
    { text: cleaned, kind: 'result', source: { url: null, title: null, selection: null, document } },
    await classifier,
  );
  const set: ItemFieldsPatch = {
    ...defaultItemFields(localIsoDate(at), at.toISOString()),
    kind: 'result',
    text: cleaned,
    category: suggestion.category,
    categorySource: 'suggested',
    // Milliseconds since 1970 sort after every rank given so far: a new clip goes last in its section.
    rank: at.getTime(),
    source: {
      url: url?.slice(0, URL_MAX) ?? null,
      title: title?.slice(0, TITLE_MAX) ?? null,
      selection: text.slice(0, SELECTION_MAX),
      document,
    },
  };
  await writeItem(db, id, set, now.getTime());
  return id;
}

export interface CaptureDeps {
  db: GomDb;
  requestSync: () => Promise<unknown>;
  /** The period a clip of that date is checked against for duplicates; the calendar month unless the unit cuts its months otherwise. */
  periodOf?: (occurredOn: string) => Promise<Period> | Period;
  /**
   * Opens quick capture on the clip when it looks damaged, for the officer to review its repair,
   * and returns the draft's id; null when the clip reads fine. A caller without it saves every
   * clip as clipped. Injected: the repair's model stays out of the pages that import this module.
   */
  review?: (input: ClipInput) => Promise<string | null>;
}

export type ClipOutcome =
  | {
      itemId: string;
      /** The text of an item of the same period that says the same thing, if there was one before this clip. */
      duplicateOf: string | null;
    }
  /** Nothing saved yet: the clip waits in quick capture for the officer to review its repair. */
  | { draftId: string };

/**
 * What the context menu and the `clip` message both do: save, then let the server know soon.
 * A duplicate is saved all the same — a menu click has no form to ask in, and losing a clip the
 * officer meant to keep costs more than deleting one in the side panel — and named in the outcome
 * so the caller can tell her. A clip that looks damaged (a PDF's lost glyphs, TCVN3 or VNI) is not
 * saved: saved as clipped, its broken words would reach the report unnoticed; repaired, the
 * repair would be silent. It opens in quick capture instead, its repair offered and marked.
 */
export async function captureClip(
  { db, requestSync, periodOf = (date) => duplicatePeriod(date), review }: CaptureDeps,
  input: ClipInput,
  now: Date = new Date(),
): Promise<ClipOutcome> {
  // Asked first: the unit's settings are read while the repair reads the text.
  const period = Promise.resolve(periodOf(localIsoDate(now)));
  const draftId = (await review?.(input)) ?? null;
  if (draftId !== null) return { draftId };
  const inPeriod = await period;
  // One transaction for the check and the save: each IndexedDB transaction costs a commit, and
  // a clip has one frame. The check reads before the save writes, so a clip never repeats itself.
  const { duplicate, itemId } = await db.transaction(
    'rw',
    [db.items, db.outbox, db.meta, db.listingChunks, db.unitConfig],
    async () => {
      // The classifier is read with the period's rows, in the same round trip to IndexedDB.
      const [duplicate, classifier] = await Promise.all([findDuplicate(db, input.text, inPeriod), loadClassifier(db)]);
      return { duplicate, itemId: await saveClip(db, input, now, classifier) };
    },
  );
  // The clip is safe in IndexedDB; a failed sync is recorded in `lastError` and retried by the alarm.
  requestSync().catch(() => {});
  return { itemId, duplicateOf: duplicate?.text ?? null };
}
