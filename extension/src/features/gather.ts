import {
  type DocumentMetadata,
  defaultItemFields,
  guessCategory,
  type ItemFieldsPatch,
  type SuggestOptions,
  suggestItem,
  toSourceDocument,
} from '@gom/shared';
import type { GomDb } from './db';
import { writeItem } from './write-item';

/** One row of a gathered list, as the officer reviews it before saving. */
export interface Proposal {
  lead: string | null;
  text: string;
  /** The day of the action: a sent document's issue date; for a received one, the day it is gathered. */
  occurredOn: string;
  document: DocumentMetadata;
}

/** One proposed item a document, in the page's order; documents nothing can be said of are left out. */
export function proposeItems(documents: DocumentMetadata[], today: string, options: SuggestOptions = {}): Proposal[] {
  return documents.flatMap((document) => {
    const suggested = suggestItem(document, options);
    if (!suggested) return [];
    const occurredOn = document.direction === 'outgoing' && document.issuedOn ? document.issuedOn : today;
    return [{ ...suggested, occurredOn, document }];
  });
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
  for (const [index, proposal] of kept.entries()) {
    const id = crypto.randomUUID();
    const set: ItemFieldsPatch = {
      ...defaultItemFields(proposal.occurredOn, now.toISOString()),
      kind: 'result',
      text: proposal.text,
      lead: proposal.lead,
      category: guessCategory(proposal.text).category,
      categorySource: 'suggested',
      rank: now.getTime() + index,
      source: {
        url: origin.url?.slice(0, 4000) ?? null,
        title: origin.title?.slice(0, 1000) ?? null,
        selection: null,
        document: toSourceDocument(proposal.document),
      },
    };
    await writeItem(db, id, set, now.getTime());
    ids.push(id);
  }
  return ids;
}
