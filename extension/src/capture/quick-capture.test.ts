import { completeMetadata, emptyMetadata, learnedCount } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadClassifier } from '../store/classifier-store';
import { type GomDb, openGomDb } from '../store/db';
import {
  type CaptureDraft,
  categoryChoices,
  draftFromPage,
  emptyDraft,
  initialForm,
  parseFigure,
  saveCapture,
} from './quick-capture';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const tờTrình = completeMetadata({
  ...emptyMetadata(),
  direction: 'outgoing',
  reference: '17/TTr-SNgV',
  issuedOn: '2021-03-03',
  summary: 'Tờ trình về việc ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
  recipients: ['UBND tỉnh'],
});
const onDetailPage: CaptureDraft = { selection: '', url: 'https://x.vn/vb/17', title: 'Chi tiết', document: tờTrình };

describe('initialForm', () => {
  it('starts from the selection, cleaned, with the lead it begins with', () => {
    const form = initialForm(
      { ...emptyDraft, selection: 'Tham mưu UBND tỉnh  ban hành\nKế hoạch số 15/KH-UBND' },
      '2026-11-22',
    );
    expect(form).toMatchObject({
      text: 'Tham mưu UBND tỉnh ban hành Kế hoạch số 15/KH-UBND',
      lead: 'Tham mưu UBND tỉnh',
      kind: 'result',
      occurredOn: '2026-11-22',
      categorySource: 'suggested',
    });
    expect(form.category).toBe(categoryChoices(form, null)[0]?.category);
  });

  it("without a selection on a document's page, starts from the sentence suggested for the document", () => {
    expect(initialForm(onDetailPage, '2026-11-22')).toMatchObject({
      text: 'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào.',
      lead: 'Tham mưu UBND tỉnh',
    });
  });

  it('takes the document of a page only when the page shows exactly one', () => {
    const read = (documents: (typeof tờTrình)[]) => ({
      url: 'u',
      title: 't',
      selection: 's',
      documents: {
        kind: 'detail' as const,
        via: 'adapter' as const,
        adapterId: null,
        documents: documents.map((d) => Object.assign(d, { confidence: 1 })),
      },
    });
    expect(draftFromPage(read([tờTrình])).document).toBe(tờTrình);
    expect(draftFromPage(read([tờTrình, tờTrình])).document).toBeNull();
  });
});

describe('categoryChoices', () => {
  it('always offers three distinct categories, with their titles', () => {
    const choices = categoryChoices({ text: 'Lịch', lead: '', kind: 'result' }, null);
    expect(choices).toHaveLength(3);
    expect(new Set(choices.map((c) => c.category)).size).toBe(3);
    expect(choices.every((c) => c.title.length > 0)).toBe(true);
  });
});

describe('parseFigure', () => {
  it.each([
    ['1.107', 1107],
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 03 ', 3],
    ['1.234.567', 1234567],
    ['', null],
    ['ba', null],
  ])('%j → %j', (input, expected) => {
    expect(parseFigure(input)).toBe(expected);
  });
});

describe('saveCapture', () => {
  const now = new Date('2026-11-22T03:00:00Z');

  it("saves the officer's category as hers, and the page's document as the source, with its outbox mutation", async () => {
    const form = {
      ...initialForm(onDetailPage, '2026-11-20'),
      category: 'policy_documents',
      categorySource: 'user' as const,
    };
    const id = await saveCapture(db, onDetailPage, form, now);
    expect((await db.items.get(id))?.fields).toMatchObject({
      kind: 'result',
      category: 'policy_documents',
      categorySource: 'user',
      occurredOn: '2026-11-20',
      metric: null,
      status: null,
      source: {
        url: 'https://x.vn/vb/17',
        selection: null,
        document: { reference: '17/TTr-SNgV', direction: 'outgoing' },
      },
    });
    expect((await db.outbox.toArray()).map((m) => m.itemId)).toEqual([id]);
    // Her pick is a lesson for the next suggestions; a suggestion she left is not.
    expect(learnedCount((await loadClassifier(db)).model)).toBe(1);
    await saveCapture(db, onDetailPage, { ...form, categorySource: 'suggested' }, now);
    expect(learnedCount((await loadClassifier(db)).model)).toBe(1);
  });

  it('suggests from what the classifier learned', async () => {
    const text = 'Rà soát danh mục thiết bị phòng họp trực tuyến';
    const draft = { ...emptyDraft, selection: text };
    expect(initialForm(draft, '2026-11-22').category).not.toBe('office_admin');
    await saveCapture(db, draft, {
      ...initialForm(draft, '2026-11-22'),
      category: 'office_admin',
      categorySource: 'user',
    });
    const taught = await loadClassifier(db);
    expect(initialForm(draft, '2026-11-22', taught).category).toBe('office_admin');
    expect(categoryChoices({ text, lead: '', kind: 'result' }, null, taught)[0]?.category).toBe('office_admin');
  });

  it('keeps only the fields of the kind: a figure its metric and value, a directive its due date and status', async () => {
    const base = initialForm({ ...emptyDraft, selection: 'Biên dịch hồ sơ' }, '2026-11-22');
    const stat = await saveCapture(
      db,
      emptyDraft,
      { ...base, kind: 'stat', metric: 'interpreting_hours', value: '1.107', dueOn: '2026-12-01' },
      now,
    );
    expect((await db.items.get(stat))?.fields).toMatchObject({
      metric: 'interpreting_hours',
      value: 1107,
      dueOn: null,
      status: null,
    });
    const directive = await saveCapture(
      db,
      emptyDraft,
      { ...base, kind: 'directive', dueOn: '2026-12-01', status: 'done', metric: 'x' },
      now,
    );
    expect((await db.items.get(directive))?.fields).toMatchObject({
      metric: null,
      value: null,
      dueOn: '2026-12-01',
      status: 'done',
    });
  });

  it('refuses an empty text or a figure without its value, and saves nothing', async () => {
    const base = initialForm(emptyDraft, '2026-11-22');
    await expect(saveCapture(db, emptyDraft, { ...base, text: '  ' }, now)).rejects.toMatchObject({
      reason: 'emptyClip',
    });
    await expect(
      saveCapture(db, emptyDraft, { ...base, text: 'Biên dịch', kind: 'stat', metric: 'interpreting_hours' }, now),
    ).rejects.toMatchObject({ reason: 'missingFigure' });
    expect(await db.items.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('finds the document the typed sentence cites when the page shows none', async () => {
    const form = {
      ...initialForm(emptyDraft, '2026-11-22'),
      text: 'Góp ý dự thảo Kế hoạch số 15/KH-UBND ngày 05/3/2021',
    };
    const id = await saveCapture(db, emptyDraft, form, now);
    expect((await db.items.get(id))?.fields.source?.document).toMatchObject({
      reference: '15/KH-UBND',
      issuedOn: '2021-03-05',
    });
  });
});
