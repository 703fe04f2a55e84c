import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfficerError } from '../officer-error';
import { type GomDb, openGomDb } from '../store/db';
import { type ClipInput, type ClipOutcome, captureClip, saveClip } from './clip';
import { duplicatePeriod } from './duplicate';
import type { CaptureDraft } from './quick-capture';
import { reviewDamagedClip } from './repair-review';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

// As the PDF viewer hands it over: decomposed diacritics, a hard line break, stray spaces.
const selection =
  'Công văn số 214/SNgV-VPTTr ngày 05/3/2021 V/v góp ý dự thảo Kế hoạch hợp tác\n  với tỉnh Khăm Muồn , nước CHDCND Lào '.normalize(
    'NFD',
  );

describe('saveClip', () => {
  it('saves the cleaned text with its document, a suggested category and today as the date', async () => {
    const now = new Date(2026, 10, 20, 9, 30);
    const id = await saveClip(
      db,
      { text: selection, url: 'https://ioffice.example/vb/214', title: 'Chi tiết văn bản' },
      now,
    );
    const record = await db.items.get(id);
    expect(record?.fields).toEqual({
      kind: 'result',
      text: 'Công văn số 214/SNgV-VPTTr ngày 05/3/2021 V/v góp ý dự thảo Kế hoạch hợp tác với tỉnh Khăm Muồn, nước CHDCND Lào',
      lead: null,
      category: 'office_admin',
      categorySource: 'suggested',
      occurredOn: '2026-11-20',
      metric: null,
      value: null,
      dueOn: null,
      status: null,
      plannedFor: null,
      source: {
        url: 'https://ioffice.example/vb/214',
        title: 'Chi tiết văn bản',
        selection,
        document: {
          reference: '214/SNgV-VPTTr',
          type: 'Công văn',
          issuedOn: '2021-03-05',
          issuer: 'Sở Ngoại vụ',
          summary: 'góp ý dự thảo Kế hoạch hợp tác với tỉnh Khăm Muồn, nước CHDCND Lào',
          signer: null,
          direction: null,
          dueOn: null,
        },
      },
      rank: now.getTime(),
      tags: [],
      deleted: false,
      createdAt: now.toISOString(),
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ itemId: id, set: record?.fields });
  });

  it('keeps a clip without a document reference, with no document', async () => {
    const id = await saveClip(db, { text: 'Tiếp và làm việc với Đoàn công tác tỉnh Savannakhet' });
    const record = await db.items.get(id);
    expect(record?.fields.source).toEqual({
      url: null,
      title: null,
      selection: 'Tiếp và làm việc với Đoàn công tác tỉnh Savannakhet',
      document: null,
    });
  });

  it('drops an impossible document date instead of refusing the clip', async () => {
    const id = await saveClip(db, { text: 'Công văn số 12/SNgV-VP ngày 31/02/2021 V/v cử cán bộ' });
    expect((await db.items.get(id))?.fields.source?.document).toMatchObject({
      reference: '12/SNgV-VP',
      issuedOn: null,
    });
  });

  it('puts a newer clip after an older one', async () => {
    const first = await saveClip(db, { text: 'một' }, new Date(2026, 10, 20, 9));
    const second = await saveClip(db, { text: 'hai' }, new Date(2026, 10, 20, 10));
    const [a, b] = await db.items.bulkGet([first, second]);
    expect(a?.fields.rank).toBeLessThan(b?.fields.rank ?? 0);
  });

  it('refuses a selection with no text and writes nothing', async () => {
    await expect(saveClip(db, { text: ' \n\u00a0 ' })).rejects.toBeInstanceOf(OfficerError);
    await expect(saveClip(db, { text: '' })).rejects.toThrow('Đoạn chọn không có chữ nào để lưu.');
    expect(await db.items.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

/** The outcome of a clip that was saved (not sent to review). */
function saved(outcome: ClipOutcome): { itemId: string; duplicateOf: string | null } {
  if (!('itemId' in outcome)) throw new Error(`not saved: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('captureClip', () => {
  it('saves, then asks for a sync; a failing sync does not fail the clip', async () => {
    const requestSync = vi.fn(() => Promise.reject(new Error('offline')));
    const { itemId, duplicateOf } = saved(await captureClip({ db, requestSync }, { text: 'Góp ý dự thảo' }));
    expect(await db.items.get(itemId)).toBeDefined();
    expect(duplicateOf).toBeNull();
    expect(requestSync).toHaveBeenCalledOnce();
  });

  it("saves a clip that repeats an item of its period and names the earlier one; the period is the caller's", async () => {
    const deps = { db, requestSync: () => Promise.resolve() };
    const now = new Date(2021, 2, 20, 9);
    await captureClip(deps, { text: 'Tiếp xã giao Đoàn Tổng Lãnh sự quán Lào' }, new Date(2021, 2, 16, 9));
    const again = await captureClip(deps, { text: 'tiếp xã giao  Đoàn Tổng Lãnh sự quán Lào' }, now);
    expect(saved(again).duplicateOf).toBe('Tiếp xã giao Đoàn Tổng Lãnh sự quán Lào');
    expect(await db.items.count()).toBe(2);
    // Cut at the 15th (Nghị định 09), the 16th and the 14th fall in different months.
    const nd09 = { ...deps, periodOf: (date: string) => duplicatePeriod(date, { cutoff: 'nd09' }) };
    const earlier = await captureClip(
      nd09,
      { text: 'Tiếp xã giao Đoàn Tổng Lãnh sự quán Lào' },
      new Date(2021, 2, 14, 9),
    );
    expect(saved(earlier).duplicateOf).toBeNull();
  });

  // A real line of the report whose PDF lost glyphs (domain notes), and a TCVN3 one.
  const damaged = [
    'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục',
    'TiÕp vµ lµm viÖc víi §oµn c«ng t¸c tØnh Savannakhet',
  ];
  const reviewing = () => {
    const open = vi.fn((_draft: CaptureDraft) => Promise.resolve('draft-1'));
    return { open, review: (input: ClipInput) => reviewDamagedClip(open, input) };
  };

  it('sends a clip that looks damaged to quick capture for review, and saves nothing', async () => {
    const requestSync = vi.fn(() => Promise.resolve());
    const { open, review } = reviewing();
    for (const text of damaged) {
      const outcome = await captureClip({ db, requestSync, review }, { text, url: 'https://x.vn/a.pdf', title: null });
      expect(outcome).toEqual({ draftId: 'draft-1' });
      expect(open).toHaveBeenLastCalledWith({
        selection: text,
        url: 'https://x.vn/a.pdf',
        title: null,
        document: null,
        clipped: true,
      });
    }
    expect(await db.items.count()).toBe(0);
    expect(requestSync).not.toHaveBeenCalled();
  });

  it('saves a clean clip at once, even with a review at hand', async () => {
    const { open, review } = reviewing();
    const outcome = await captureClip(
      { db, requestSync: () => Promise.resolve(), review },
      { text: 'báo cáo kết quả công tác tập huấn,bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025' },
    );
    expect(await db.items.get(saved(outcome).itemId)).toBeDefined();
    expect(open).not.toHaveBeenCalled();
  });
});
