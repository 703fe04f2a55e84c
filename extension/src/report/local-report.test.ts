import { defaultTaxonomy, parsePeriod, type ReportModel } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '../capture/clip';
import { type GomDb, openGomDb } from '../store/db';
import { putUnitConfig } from '../store/unit-config-store';
import { writeItem } from '../store/write-item';
import { buildLocalReport, docxBlob, placeAfterEdits, withBulletEdits, withPreviewChanges } from './local-report';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const march = parsePeriod('2021-03');
const CLIP = 'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào đến thăm, làm việc tại tỉnh';

describe('buildLocalReport', () => {
  it("builds the period's report from local items alone, with the unit's settings, and checks it", async () => {
    await saveClip(db, { text: CLIP }, new Date(2021, 2, 5, 9));
    await saveClip(db, { text: 'Việc của tháng trước' }, new Date(2021, 1, 20, 9));
    const deleted = await saveClip(db, { text: 'Đã xoá' }, new Date(2021, 2, 6, 9));
    await writeItem(db, deleted, { deleted: true });
    const { model, findings } = await buildLocalReport({
      db,
      period: march,
      settings: { signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị B' } },
      today: '2021-04-02',
    });
    expect(model.period).toMatchObject({ id: '2021-03', title: 'tháng 3/2021', dataReach: null });
    expect(model.summary).toContain('tháng 3/2021');
    expect(model.signer.name).toBe('Trần Thị B');
    const bullets = model.parts.flatMap((part) => part.sections.flatMap((section) => section.bullets));
    expect(bullets.join('\n')).toContain('Đoàn công tác Đại sứ quán Lào');
    expect(bullets.join('\n')).not.toMatch(/tháng trước|Đã xoá/);
    expect(model.itemIds).toHaveLength(1);
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) expect(finding.where).not.toBe('');
  });

  it("is the unit's report as the last sync brought its configuration, offline", async () => {
    const taxonomy = structuredClone(defaultTaxonomy);
    taxonomy.unit.place = 'Quảng Bình';
    await db.transaction('rw', db.unitConfig, db.meta, () =>
      putUnitConfig(db, [{ kind: 'taxonomy', version: 2, document: taxonomy }]),
    );
    const { model } = await buildLocalReport({ db, period: march, today: '2021-04-02' });
    expect(model.header.placeAndDate).toBe('Quảng Bình, ngày 02 tháng 4 năm 2021');
  });

  it('says how far the data reaches when made before the period ends', async () => {
    const { model } = await buildLocalReport({ db, period: parsePeriod('2021'), today: '2021-10-20' });
    expect(model.period.dataReach).toBe('10 tháng đầu năm 2021');
  });

  it('dates the report on the day the officer issues it, and says how far the data reaches by then', async () => {
    const { model } = await buildLocalReport({
      db,
      period: parsePeriod('2021'),
      today: '2022-01-10',
      issuedOn: '2021-10-20',
    });
    expect(model.header.placeAndDate).toBe('Hà Tĩnh, ngày 20 tháng 10 năm 2021');
    expect(model.period.dataReach).toBe('10 tháng đầu năm 2021');
    const after = await buildLocalReport({
      db,
      period: parsePeriod('2021'),
      today: '2021-10-20',
      issuedOn: '2022-01-10',
    });
    expect(after.model.header.placeAndDate).toBe('Hà Tĩnh, ngày 10 tháng 01 năm 2022');
    expect(after.model.period.dataReach).toBeNull();
  });

  it('finds what officers get wrong, and says where', async () => {
    // "hoá" beside "hóa": mixed tone placement, a finding of the check.
    await saveClip(db, { text: 'Chuẩn hoá dữ liệu hồ sơ hộ chiếu công vụ' }, new Date(2021, 2, 5, 9));
    await saveClip(db, { text: 'Số hóa hồ sơ lưu trữ của Sở' }, new Date(2021, 2, 6, 9));
    const { findings } = await buildLocalReport({ db, period: march, today: '2021-04-02' });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.where.length > 0 && f.message.length > 0)).toBe(true);
  });
});

describe('withBulletEdits', () => {
  const model = {
    parts: [{ heading: 'I', sections: [{ heading: '1. A', bullets: ['một.', 'hai.', 'ba.'] }] }],
    footnotes: [{ part: 0, section: 0, bullet: 2, text: 'chú thích' }],
  } as unknown as ReportModel;

  it('changes only the edited bullets, in a copy', () => {
    const edited = withBulletEdits(model, new Map([['0.0.1', '  hai   đã sửa. ']]));
    expect(edited.parts[0]?.sections[0]?.bullets).toEqual(['một.', 'hai đã sửa.', 'ba.']);
    expect(model.parts[0]?.sections[0]?.bullets).toEqual(['một.', 'hai.', 'ba.']);
  });

  it('drops an emptied bullet and keeps each footnote on its own bullet', () => {
    const edited = withBulletEdits(model, new Map([['0.0.0', ' ']]));
    expect(edited.parts[0]?.sections[0]?.bullets).toEqual(['hai.', 'ba.']);
    expect(edited.footnotes).toEqual([{ part: 0, section: 0, bullet: 1, text: 'chú thích' }]);
    expect(withBulletEdits(model, new Map([['0.0.2', '']])).footnotes).toEqual([]);
  });
});

describe('the officer’s changes in the preview', () => {
  const model = {
    parts: [{ heading: 'I', sections: [{ heading: '1. A', bullets: ['Một.', 'Hai.', 'Ba.', 'Bốn.'] }] }],
    footnotes: [],
  } as unknown as ReportModel;
  const bullets = (m: ReportModel) => m.parts[0]?.sections[0]?.bullets;

  it('finds a bullet past the emptied ones, and not an emptied one', () => {
    const edits = new Map([
      ['0.0.0', '  '],
      ['0.0.1', 'Hai đã sửa.'],
    ]);
    expect(placeAfterEdits(model, edits, '0.0.2')).toEqual({ part: 0, section: 0, bullet: 1 });
    expect(placeAfterEdits(model, edits, '0.0.1')).toEqual({ part: 0, section: 0, bullet: 0 });
    expect(placeAfterEdits(model, edits, '0.0.0')).toBeNull();
    expect(placeAfterEdits(model, edits, '0.3.0')).toBeNull();
  });

  it('are made again in order over a model built anew: edits, then the joins made after them', () => {
    const changes = [
      { kind: 'edits', edits: new Map([['0.0.0', '']]) },
      { kind: 'join', at: { part: 0, section: 0, bullet: 0 }, join: 'clause' },
      { kind: 'join', at: { part: 0, section: 0, bullet: 0 }, join: 'sentence' },
    ] as const;
    expect(bullets(withPreviewChanges(model, changes))).toEqual(['Hai; ba. Bốn.']);
    // A join that no longer fits the model (its items changed meanwhile) is left out.
    const gone = [{ kind: 'join', at: { part: 0, section: 0, bullet: 3 }, join: 'clause' }] as const;
    expect(bullets(withPreviewChanges(model, gone))).toEqual(['Một.', 'Hai.', 'Ba.', 'Bốn.']);
  });
});

describe('docxBlob', () => {
  // What the file holds is read in the end-to-end test, which unzips it as Word would.
  it('is a Word document (a zip package) typed as one', async () => {
    await saveClip(db, { text: CLIP }, new Date(2021, 2, 5, 9));
    const { model } = await buildLocalReport({ db, period: march, today: '2021-04-02' });
    const blob = await docxBlob(model);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 2))).toBe('PK');
  });
});
