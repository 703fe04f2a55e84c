import { completeMetadata, type DocumentMetadata, emptyMetadata } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GomDb, openGomDb } from '../store/db';
import { checkDuplicates, documentDate, proposeItems, saveProposals } from './gather';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const document = (d: Partial<DocumentMetadata>): DocumentMetadata => completeMetadata({ ...emptyMetadata(), ...d });

const sent = document({
  direction: 'outgoing',
  reference: '17/TTr-SNgV',
  issuedOn: '2021-03-03',
  summary: 'Tờ trình về việc ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
  recipients: ['UBND tỉnh'],
});
const received = document({
  direction: 'incoming',
  reference: '389/BNG-LS',
  summary: 'V/v bảo hộ công dân',
  issuedOn: '2021-03-01',
  receivedOn: '2021-03-04',
});

describe('proposeItems', () => {
  it('proposes one item a document, dated by a sent document and by the arrival of a received one', () => {
    const proposals = proposeItems([sent, received, emptyMetadata()], '2021-03-20');
    expect(proposals.map(({ lead, text, occurredOn }) => ({ lead, text, occurredOn }))).toEqual([
      {
        lead: 'Tham mưu UBND tỉnh',
        text: 'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào.',
        occurredOn: '2021-03-03',
      },
      {
        lead: null,
        text: 'Triển khai thực hiện công văn số 389/BNG-LS ngày 01/03/2021 của Bộ Ngoại giao về việc bảo hộ công dân.',
        occurredOn: '2021-03-04',
      },
    ]);
  });
});

describe('documentDate', () => {
  it.each([
    ['a sent document: its date', { direction: 'outgoing', issuedOn: '2021-03-03' }, '2021-03-03'],
    [
      'a received one: its arrival',
      { direction: 'incoming', issuedOn: '2021-03-01', receivedOn: '2021-03-04' },
      '2021-03-04',
    ],
    ['a received one never registered: its date', { direction: 'incoming', issuedOn: '2021-03-01' }, '2021-03-01'],
    ['a document without a date: today', { direction: 'outgoing' }, '2021-03-20'],
    ['a register the page does not name: its date', { issuedOn: '2021-02-27' }, '2021-02-27'],
  ] as const)('%s', (_name, d, expected) => {
    expect(documentDate(document(d), '2021-03-20')).toBe(expected);
  });
});

describe('saveProposals', () => {
  it('saves the category the officer picked in the review as hers, and the date she set', async () => {
    const [proposal] = proposeItems([sent], '2021-03-20');
    const [id] = await saveProposals(
      db,
      [
        {
          ...proposal!,
          category: 'delegations_consular',
          categorySource: 'user',
          occurredOn: '2021-03-05',
          text: 'Sửa lại.',
        },
      ],
      {
        url: null,
        title: null,
      },
    );
    expect((await db.items.get(id!))?.fields).toMatchObject({
      text: 'Sửa lại.',
      category: 'delegations_consular',
      categorySource: 'user',
      occurredOn: '2021-03-05',
    });
  });

  it('saves each kept proposal with its outbox mutation and its source document, in list order', async () => {
    const proposals = proposeItems([sent, received], '2021-03-20');
    const now = new Date('2021-03-20T08:00:00Z');
    const ids = await saveProposals(db, proposals, { url: 'https://x.vnptioffice.vn/vbdi', title: 'Văn bản đi' }, now);
    expect(ids).toHaveLength(2);
    const [first, second] = await Promise.all(ids.map((id) => db.items.get(id)));
    expect(first?.fields).toMatchObject({
      text: proposals[0]!.text,
      lead: 'Tham mưu UBND tỉnh',
      occurredOn: '2021-03-03',
      categorySource: 'suggested',
      source: {
        url: 'https://x.vnptioffice.vn/vbdi',
        document: { reference: '17/TTr-SNgV', type: 'Tờ trình', issuer: 'Sở Ngoại vụ', direction: 'outgoing' },
      },
    });
    expect(second!.fields.rank).toBeGreaterThan(first!.fields.rank!);
    expect((await db.outbox.toArray()).map((m) => m.itemId)).toEqual(ids);
  });
});

describe('checkDuplicates', () => {
  it('marks a proposal the period of its own date already holds, compared as search compares; the others not', async () => {
    const proposals = proposeItems([sent, received], '2021-03-20');
    await saveProposals(db, [{ ...proposals[0]!, text: proposals[0]!.text.toUpperCase() }], { url: null, title: null });
    // The same document dated a month later is another period's line.
    const later = { ...proposals[0]!, occurredOn: '2021-04-03' };
    expect((await checkDuplicates(db, [...proposals, later])).map((p) => p.duplicateOf)).toEqual([
      proposals[0]!.text.toUpperCase(),
      null,
      null,
    ]);
  });
});
