import { localIsoDate } from '@gom/shared';
import { OfficerError } from '../officer-error';
import type { GomDb } from '../store/db';
import { correctedNow } from '../sync/server-clock';
import { putDraft } from './drafts';
import {
  type CheckedProposal,
  checkDuplicates,
  type PageOrigin,
  type PeriodOf,
  proposeItems,
  saveProposals,
} from './gather';
import type { CaptureDraft } from './quick-capture';
import type { PageRead } from './read-tab';

/** What the gather review page shows: the proposals of one list, and where they came from. */
export interface GatherDraft {
  origin: PageOrigin;
  proposals: CheckedProposal[];
}

export interface PageCaptureDeps {
  db: GomDb;
  requestSync: () => Promise<unknown>;
  /** Reads a tab's documents (`readTab` with the unit's adapters). */
  read: (tabId: number) => Promise<PageRead>;
  /** Opens one of the extension's pages, e.g. `/gather.html?draft=…`. */
  openPage: (path: string) => Promise<unknown>;
  /** Opens quick capture on a draft, for the officer to review what a page gave too little of. */
  openQuickCapture: (draft: CaptureDraft) => Promise<string>;
  /** The period a document is checked against for duplicates, as a selection clip is. */
  periodOf?: PeriodOf;
  now?: () => Date;
}

export type DocumentClipOutcome =
  | {
      itemId: string;
      /** The text of an item of the same period that says the same thing, if there was one before this clip. */
      duplicateOf: string | null;
    }
  /** Nothing saved: the page went to review, in the gather page (several documents) or quick capture. */
  | { draftId: string; review: 'gather' | 'quick-capture' };

async function proposalsOf(deps: PageCaptureDeps, read: PageRead): Promise<GatherDraft> {
  const today = localIsoDate(await correctedNow(deps.db, deps.now?.()));
  const proposals = proposeItems(read.documents.documents, today);
  if (proposals.length === 0) throw new OfficerError('noDocument', read.url || null);
  const checked = await checkDuplicates(deps.db, proposals, deps.periodOf);
  return { origin: { url: read.url || null, title: read.title || null }, proposals: checked };
}

async function openReview(deps: PageCaptureDeps, draft: GatherDraft): Promise<string> {
  const draftId = await putDraft(draft);
  await deps.openPage(`/gather.html?draft=${draftId}`);
  return draftId;
}

/** "Gather the documents on this page": one proposal a listed document, reviewed before anything is saved. */
export async function gatherDocuments(deps: PageCaptureDeps, tabId: number): Promise<string> {
  return openReview(deps, await proposalsOf(deps, await deps.read(tabId)));
}

/**
 * "Clip this document": saved at once only when the page shows exactly one document with both a
 * reference and a summary — anything less would save a guess, and a line like "nơi nhận." has
 * reached a report that way. One document short of either opens quick capture on it; several go
 * to the gather review. A duplicate is saved all the same and named in the outcome, as a selection
 * clip's is: the menu has no form to ask in.
 */
export async function clipDocument(deps: PageCaptureDeps, tabId: number): Promise<DocumentClipOutcome> {
  const read = await deps.read(tabId);
  const documents = read.documents.documents;
  if (documents.length === 0) throw new OfficerError('noDocument', read.url || null);
  if (documents.length > 1) return { draftId: await openReview(deps, await proposalsOf(deps, read)), review: 'gather' };
  const [document] = documents;
  const proposed = document?.reference && document.summary ? await proposalsOf(deps, read).catch(() => null) : null;
  if (!proposed) {
    const draft: CaptureDraft = {
      selection: '',
      url: read.url || null,
      title: read.title || null,
      document: document ?? null,
    };
    return { draftId: await deps.openQuickCapture(draft), review: 'quick-capture' };
  }
  const [itemId] = await saveProposals(deps.db, proposed.proposals, proposed.origin, deps.now?.() ?? new Date());
  // The item is safe in IndexedDB; a failed sync is recorded and retried by the alarm.
  deps.requestSync().catch(() => {});
  return { itemId: itemId!, duplicateOf: proposed.proposals[0]?.duplicateOf ?? null };
}
