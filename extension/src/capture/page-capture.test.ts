import { completeMetadata, type DocumentMetadata, emptyMetadata, parsePeriod } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OfficerError } from '../officer-error';
import { type GomDb, openGomDb } from '../store/db';
import { readDraft } from './drafts';
import { clipDocument, type GatherDraft, gatherDocuments, type PageCaptureDeps } from './page-capture';
import type { PageRead } from './read-tab';

const document = (d: Partial<DocumentMetadata>): DocumentMetadata => completeMetadata({ ...emptyMetadata(), ...d });
const tờTrình = document({
  direction: 'outgoing',
  reference: '17/TTr-SNgV',
  issuedOn: '2021-03-03',
  summary: 'Tờ trình về việc ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
  recipients: ['UBND tỉnh'],
});
const công_văn = document({ direction: 'outgoing', reference: '214/SNgV-VPTTr', summary: 'V/v góp ý dự thảo Quy chế' });

function page(documents: DocumentMetadata[]): PageRead {
  return {
    url: 'https://hatinh.vnptioffice.vn/qlvbdh/vbdi',
    title: 'Văn bản đi',
    selection: '',
    documents: {
      kind: documents.length > 1 ? 'list' : documents.length === 1 ? 'detail' : 'none',
      via: 'adapter',
      adapterId: 'x',
      documents: documents.map((d) => ({ ...d, confidence: 1 })),
    },
  };
}

let db: GomDb;
let deps: PageCaptureDeps & {
  openPage: ReturnType<typeof vi.fn>;
  openQuickCapture: ReturnType<typeof vi.fn>;
  requestSync: ReturnType<typeof vi.fn>;
};
function reading(documents: DocumentMetadata[]) {
  deps.read = vi.fn(() => Promise.resolve(page(documents)));
}
beforeEach(() => {
  fakeBrowser.reset();
  db = openGomDb(`test-${crypto.randomUUID()}`);
  deps = {
    db,
    requestSync: vi.fn(() => Promise.resolve()),
    read: () => Promise.reject(new Error('unset')),
    openPage: vi.fn(() => Promise.resolve()),
    openQuickCapture: vi.fn(() => Promise.resolve('quick-draft')),
    now: () => new Date('2021-03-20T08:00:00Z'),
  };
});
afterEach(async () => {
  await db.delete();
});

describe('clipDocument', () => {
  it("saves the page's one document as the item it suggests, then asks for a sync", async () => {
    reading([tờTrình]);
    const outcome = await clipDocument(deps, 3);
    expect(deps.read).toHaveBeenCalledWith(3);
    if (!('itemId' in outcome)) throw new Error('expected a saved item');
    expect((await db.items.get(outcome.itemId))?.fields).toMatchObject({
      lead: 'Tham mưu UBND tỉnh',
      text: 'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào.',
      occurredOn: '2021-03-03',
      source: { url: 'https://hatinh.vnptioffice.vn/qlvbdh/vbdi', document: { reference: '17/TTr-SNgV' } },
    });
    expect(await db.outbox.count()).toBe(1);
    expect(deps.requestSync).toHaveBeenCalledOnce();
    expect(deps.openPage).not.toHaveBeenCalled();
  });

  it('names an item of the same period that says the same, as a selection clip does, and saves all the same', async () => {
    reading([tờTrình]);
    const first = await clipDocument(deps, 3);
    expect(first).toMatchObject({ duplicateOf: null });
    const again = await clipDocument(deps, 3);
    expect(again).toMatchObject({
      itemId: expect.any(String),
      duplicateOf: 'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào.',
    });
    expect(await db.items.count()).toBe(2);
  });

  it('checks a document against the period the unit cuts around its date', async () => {
    reading([tờTrình]);
    await clipDocument(deps, 3);
    // Issued on 3 March: under Nghị định 09 that is February's report (15 Feb – 14 Mar), not April's.
    deps.periodOf = (date) => ({ ...parsePeriod(date.slice(0, 7)), from: '2021-03-15', to: '2021-04-14' });
    expect(await clipDocument(deps, 3)).toMatchObject({ duplicateOf: null });
  });

  it('sends a page of several documents to review rather than guess', async () => {
    reading([tờTrình, công_văn]);
    const outcome = await clipDocument(deps, 3);
    if (!('draftId' in outcome)) throw new Error('expected a review');
    expect(deps.openPage).toHaveBeenCalledWith(`/gather.html?draft=${outcome.draftId}`);
    expect(await db.items.count()).toBe(0);
  });

  it.each([
    ['a reference without a summary', { reference: '17/TTr-SNgV', summary: null }],
    ['a summary without a reference', { reference: null }],
  ])('opens quick capture on %s, saving nothing', async (_name, missing) => {
    reading([{ ...tờTrình, ...missing }]);
    const outcome = await clipDocument(deps, 3);
    expect(outcome).toEqual({ draftId: 'quick-draft', review: 'quick-capture' });
    expect(deps.openQuickCapture).toHaveBeenCalledWith(
      expect.objectContaining({
        selection: '',
        url: 'https://hatinh.vnptioffice.vn/qlvbdh/vbdi',
        document: expect.objectContaining(missing),
      }),
    );
    expect(await db.items.count()).toBe(0);
  });

  it('refuses a page with no document, saving nothing', async () => {
    reading([]);
    await expect(clipDocument(deps, 3)).rejects.toMatchObject({ reason: 'noDocument' } satisfies Partial<OfficerError>);
    expect(await db.items.count()).toBe(0);
  });
});

describe('gatherDocuments', () => {
  it('keeps the proposals of the list for the review page it opens', async () => {
    reading([tờTrình, công_văn, emptyMetadata()]);
    const draftId = await gatherDocuments(deps, 9);
    expect(deps.openPage).toHaveBeenCalledWith(`/gather.html?draft=${draftId}`);
    const draft = await readDraft<GatherDraft>(draftId);
    expect(draft?.origin).toEqual({ url: 'https://hatinh.vnptioffice.vn/qlvbdh/vbdi', title: 'Văn bản đi' });
    expect(draft?.proposals.map((p) => p.document.reference)).toEqual(['17/TTr-SNgV', '214/SNgV-VPTTr']);
    expect(await db.items.count()).toBe(0);
  });
  it('marks the documents already clipped in their period, for the review to leave unticked', async () => {
    reading([tờTrình]);
    await clipDocument(deps, 3);
    reading([tờTrình, công_văn]);
    const draft = await readDraft<GatherDraft>(await gatherDocuments(deps, 9));
    expect(draft?.proposals.map((p) => [p.document.reference, p.duplicateOf])).toEqual([
      ['17/TTr-SNgV', 'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào.'],
      ['214/SNgV-VPTTr', null],
    ]);
  });
});
