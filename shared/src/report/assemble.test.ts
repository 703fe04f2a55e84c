import { describe, expect, it } from 'vitest';
import { defaultItemFields, type Item } from '../item';
import { defaultTaxonomy } from '../taxonomy';
import { assembleReport } from './assemble';
import { reportSettingsSchema } from './settings';
import { defaultMonthTemplate, findTemplate } from './template';
import { itemsOn } from './test-items';

function item(text: string, occurredOn: string): Item {
  return {
    ...defaultItemFields(occurredOn, `${occurredOn}T08:00:00.000Z`),
    id: crypto.randomUUID(),
    unitId: 'SNgV',
    authorId: 'u1',
    updatedAt: `${occurredOn}T08:00:00.000Z`,
    text,
  };
}

const base = { unit: defaultTaxonomy.unit, issuedOn: '2025-03-05' };

describe('assembleReport', () => {
  it('refuses a period of another kind than the template’s, in Vietnamese and English', () => {
    expect(() => assembleReport({ ...base, template: defaultMonthTemplate, periodId: '2025-Q1', items: [] })).toThrow(
      /Mẫu "so-ngoai-vu" dùng cho kỳ loại month.*Template "so-ngoai-vu" is for a month period, not 2025-Q1/,
    );
    expect(() => assembleReport({ ...base, template: defaultMonthTemplate, periodId: 'tháng ba', items: [] })).toThrow(
      /Not a period/,
    );
  });

  it('takes a custom range with any template', () => {
    const model = assembleReport({
      ...base,
      template: defaultMonthTemplate,
      periodId: '2025-03-01..2025-03-15',
      items: [itemsOn('2025-03-10')('Tổ chức Lớp học tiếng Lào.', { kind: 'plan' })],
    });
    expect(model.summary).toBe('Hoạt động đối ngoại từ ngày 01/3 - 15/3/2025, kế hoạch thời gian tới');
  });

  it('dates the header on the issue date, and says how far the data reaches when issued before the period ends', () => {
    const year = (dates: { issuedOn: string; asOf?: string }) =>
      assembleReport({ ...base, ...dates, template: findTemplate('so-ngoai-vu-year')!, periodId: '2023', items: [] });
    const october = year({ issuedOn: '2023-10-20' });
    expect(october.header.placeAndDate).toBe('Hà Tĩnh, ngày 20 tháng 10 năm 2023');
    expect(october.period.dataReach).toBe('10 tháng đầu năm 2023');
    expect(october.opening).toContain('10 tháng đầu năm 2023');
    const after = year({ issuedOn: '2024-01-05' });
    expect(after.header.placeAndDate).toBe('Hà Tĩnh, ngày 05 tháng 01 năm 2024');
    expect(after.period.dataReach).toBeNull();
    expect(after.opening).toContain('năm 2023');
    // A date of data given apart wins: written on 2 November from the data of 31 October.
    expect(year({ issuedOn: '2023-11-02', asOf: '2023-10-31' }).period.dataReach).toBe('10 tháng đầu năm 2023');
  });

  it('lays the unit’s settings over the template: header, addressees, recipients, signer, cut-off, blank day', () => {
    const settings = reportSettingsSchema.parse({
      parentAgency: 'UBND TỈNH NGHỆ AN',
      agency: 'SỞ NGOẠI VỤ',
      abbreviation: 'SNgV-VP',
      place: 'Nghệ An',
      blankDay: true,
      addressees: ['Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.'],
      recipients: ['Như trên;', 'Lưu: VT, VP.'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
      cutoff: 'nd09',
    });
    const model = assembleReport({
      ...base,
      template: findTemplate('so-ngoai-vu-quarter')!,
      periodId: '2025-Q1',
      settings,
      // Under Nghị định 09 the first quarter runs from 15/12 of the year before to 14/3.
      items: [item('Ngày 15/12 năm trước.', '2024-12-15'), item('Ngày 15/3, quý sau.', '2025-03-15')],
    });
    expect(model.header).toMatchObject({
      parentAgency: 'UBND TỈNH NGHỆ AN',
      numberLine: 'Số:      /BC-SNgV-VP',
      placeAndDate: 'Nghệ An, ngày      tháng 3 năm 2025',
    });
    expect(model.addressees).toEqual(['Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.']);
    expect(model.recipients).toEqual(['Như trên;', 'Lưu: VT, VP.']);
    expect(model.signer.name).toBe('Nguyễn Văn A');
    expect(model.period).toMatchObject({ from: '2024-12-15', to: '2025-03-14' });
    expect(model.parts[0]?.sections.flatMap((s) => s.bullets)).toEqual(['Ngày 15/12 năm trước.']);
  });
});

describe('reportSettingsSchema', () => {
  it('takes any subset of the fields: the signer’s name alone, the rest from the template', () => {
    const settings = reportSettingsSchema.parse({ signer: { name: 'Nguyễn Văn A' } });
    expect(settings).toEqual({ signer: { name: 'Nguyễn Văn A' } });
    const model = assembleReport({ ...base, template: defaultMonthTemplate, periodId: '2025-03', settings, items: [] });
    expect(model.signer).toEqual({ ...defaultMonthTemplate.signer, name: 'Nguyễn Văn A' });
    expect(model.signer.title).not.toBe('');
  });

  it.each([
    [{ recipients: ['Như trên;'] }, /Lưu: VT/],
    [{ abbreviation: 'BC SNgV' }, /letters and digits only/],
    [{ cutoff: 'lunar' }, /cutoff/],
    [{ week: { startOffset: 7, days: 7 } }, /startOffset/],
    [{ signer: { authority: '', title: '', name: '' } }, /title/],
    [{ colour: 'red' }, /colour/],
  ])('refuses %j', (settings, message) => {
    const parsed = reportSettingsSchema.safeParse(settings);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(message);
  });
});
