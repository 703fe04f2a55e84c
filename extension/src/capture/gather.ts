import {
  type DocumentMetadata,
  defaultItemFields,
  type ItemFieldsPatch,
  type Period,
  type SuggestOptions,
  suggestCategory,
  suggestItem,
  toSourceDocument,
} from '@gom/shared';
import { learnCorrection, loadClassifier } from '../store/classifier-store';
import type { GomDb } from '../store/db';
import { writeItem } from '../store/write-item';
import { correctedNow } from '../sync/server-clock';
import { duplicatePeriod, findDuplicate } from './duplicate';

/** One row of a gathered list, as the officer reviews it before saving. */
export interface Proposal {
  lead: string | null;
  text: string;
  /** The day of the action, from its document (`documentDate`); the officer may change it in the review. */
  occurredOn: string;
  /** The category shown in the review; without one, the suggestion for the text is saved. */
  category?: string | null;
  /** `user` once the officer picked the category in the review. */
  categorySource?: 'user' | 'suggested';
  document: DocumentMetadata;
}

/**
 * The day an item made from a document happened, so it falls in its own period: a sent document's
 * issue date; a received one's arrival, else its own date; today only when the page shows neither.
 */
export function documentDate(document: DocumentMetadata, today: string): string {
  if (document.direction === 'incoming') return document.receivedOn ?? document.issuedOn ?? today;
  if (document.direction === 'outgoing') return document.issuedOn ?? today;
  return document.issuedOn ?? document.receivedOn ?? today;
}

/** One proposed item a document, in the page's order; documents nothing can be said of are left out. */
export function proposeItems(documents: DocumentMetadata[], today: string, options: SuggestOptions = {}): Proposal[] {
  return documents.flatMap((document) => {
    const suggested = suggestItem(document, options);
    if (!suggested) return [];
    return [{ ...suggested, occurredOn: documentDate(document, today), document }];
  });
}

/** A proposal as the officer reviews it: with the item of its period that already says the same, if one does. */
export interface CheckedProposal extends Proposal {
  /** That item's text; null when the document has not been clipped in the period. */
  duplicateOf: string | null;
}

/** The period a proposal of that date is checked against; the calendar month unless the unit cuts its months otherwise. */
export type PeriodOf = (occurredOn: string) => Promise<Period> | Period;

/**
 * Each proposal checked against the items of its own period (a sent document's is its issue
 * date's), as a selection clip is: a list gathered again, or a document clipped from its detail
 * page first, must not put the same line in the report twice.
 */
export function checkDuplicates(
  db: GomDb,
  proposals: Proposal[],
  periodOf: PeriodOf = duplicatePeriod,
): Promise<CheckedProposal[]> {
  return Promise.all(
    proposals.map(async (proposal) => {
      const duplicate = await findDuplicate(db, proposal.text, await periodOf(proposal.occurredOn));
      return { ...proposal, duplicateOf: duplicate?.text ?? null };
    }),
  );
}

export interface PageOrigin {
  url: string | null;
  title: string | null;
}

/**
 * Saves the proposals the officer kept, each with its own outbox mutation (one transaction an
 * item: a failure part-way keeps what was saved). Ranks follow the list's order.
 */
export async function saveProposals(
  db: GomDb,
  kept: Proposal[],
  origin: PageOrigin,
  now: Date = new Date(),
): Promise<string[]> {
  const ids: string[] = [];
  const at = await correctedNow(db, now);
  // A row the review left without a category is placed as the unit's classifier places it.
  const classifier = kept.some((proposal) => !proposal.category) ? await loadClassifier(db) : undefined;
  for (const [index, proposal] of kept.entries()) {
    const id = crypto.randomUUID();
    const userPicked = Boolean(proposal.category) && proposal.categorySource === 'user';
    const set: ItemFieldsPatch = {
      ...defaultItemFields(proposal.occurredOn, at.toISOString()),
      kind: 'result',
      text: proposal.text,
      lead: proposal.lead,
      category: proposal.category || suggestCategory({ text: proposal.text, kind: 'result' }, classifier).category,
      categorySource: userPicked ? 'user' : 'suggested',
      rank: at.getTime() + index,
      source: {
        url: origin.url?.slice(0, 4000) ?? null,
        title: origin.title?.slice(0, 1000) ?? null,
        selection: null,
        document: toSourceDocument(proposal.document),
      },
    };
    await writeItem(db, id, set, now.getTime());
    // A category picked over the suggestion is a lesson, as in quick capture.
    if (userPicked && proposal.category)
      await learnCorrection(db, { text: proposal.text, category: proposal.category, kind: 'result' });
    ids.push(id);
  }
  return ids;
}
