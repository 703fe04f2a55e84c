import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemFieldsPatchSchema, textUnderLead } from './item';
import { pushRequestSchema } from './sync/protocol';
import { hostileText, unwritableChars } from './test-hostile-text';
import { withoutControlChars } from './text';

describe('itemFieldsPatchSchema', () => {
  it('refuses an empty write, unknown fields and wrong types', () => {
    expect(itemFieldsPatchSchema.safeParse({}).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'x', unitId: 'other' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ kind: 'opinion' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ occurredOn: '2021-02-30' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: '   ' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'a\u0000b' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ tags: ['\u0000'] }).success).toBe(false);
    const source = { url: null, title: null, selection: 'x', document: null };
    expect(itemFieldsPatchSchema.safeParse({ source }).success).toBe(true);
    expect(itemFieldsPatchSchema.safeParse({ source: { ...source, title: 'PDF\u0000' } }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'x', kind: 'plan' }).success).toBe(true);
  });

  const emptyDocument = {
    reference: null,
    type: null,
    issuedOn: null,
    issuer: null,
    summary: null,
    signer: null,
    direction: null,
    dueOn: null,
  };
  const source = (patch: Record<string, unknown>) => ({
    source: {
      url: 'https://qlvb.hatinh.gov.vn/vb/1',
      title: 'Công văn',
      selection: 'Góp ý dự thảo',
      document: { ...emptyDocument, reference: '12/SNgV-VP' },
      ...patch,
    },
  });

  // Each string field an officer writes, with the text it is set to.
  const stringFields: Array<[string, (text: string) => Record<string, unknown>]> = [
    ['text', (text) => ({ text })],
    ['lead', (lead) => ({ lead })],
    ['category', (category) => ({ category })],
    ['metric', (metric) => ({ metric })],
    ['plannedFor', (plannedFor) => ({ plannedFor })],
    ['tags', (tag) => ({ tags: ['đối ngoại', tag] })],
    ['source.url', (url) => source({ url })],
    ['source.title', (title) => source({ title })],
    ['source.selection', (selection) => source({ selection })],
    ...(['reference', 'type', 'issuer', 'summary', 'signer'] as const).map(
      (key): [string, (text: string) => Record<string, unknown>] => [
        `source.document.${key}`,
        (value) => source({ document: { ...emptyDocument, [key]: value } }),
      ],
    ),
  ];

  it.each(stringFields)('accepts %s with tabs, line breaks, C1 controls and astral characters', (_, set) => {
    expect(itemFieldsPatchSchema.safeParse(set('Góp ý\tdự thảo\r\n\u0085 😀 𠀀 \ufffd')).success).toBe(true);
  });

  it.each(stringFields)('refuses %s holding what XML cannot hold, naming the field', (_, set) => {
    for (const bad of [...unwritableChars, '\udc00\ud800']) {
      const result = itemFieldsPatchSchema.safeParse(set(`Góp ý${bad}dự thảo`));
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([Object.keys(set('x'))[0]]);
    }
  });

  it('makes a whole push batch invalid, its other mutations good or not', () => {
    const mutation = (text: string, i: number) => ({
      mutationId: `mutation0${i}`,
      itemId: '6f1c2b8e-2d7a-4a51-9a3e-0c6f1b2d3e4f',
      hlc: '1614736800000-0000-a',
      set: { text },
    });
    const push = (...texts: string[]) =>
      pushRequestSchema.safeParse({ clientId: 'c1', mutations: texts.map(mutation) });
    expect(push('Góp ý dự thảo', 'Tiếp đoàn').success).toBe(true);
    const refused = push('Góp ý dự thảo', 'Tiếp\ufffe đoàn');
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['mutations.1.set.text']);
  });

  it('refuses exactly what withoutControlChars drops, whatever the string', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(itemFieldsPatchSchema.safeParse({ lead: text }).success).toBe(withoutControlChars(text) === text);
      }),
    );
  });
});

describe('textUnderLead', () => {
  it.each([
    [
      'Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn',
      'Tham mưu UBND tỉnh',
      'Tham mưu UBND tỉnh: Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn',
    ],
    ['cho phép 01 lưu học sinh', 'Tham mưu UBND tỉnh:', 'Tham mưu UBND tỉnh cho phép 01 lưu học sinh'],
    ['Tham mưu UBND tỉnh ban hành Kế hoạch', 'Tham mưu UBND tỉnh', 'Tham mưu UBND tỉnh ban hành Kế hoạch'],
    ['Tổ chức Hội nghị', null, 'Tổ chức Hội nghị'],
    ['Tổ chức Hội nghị', '  ', 'Tổ chức Hội nghị'],
  ])('%j under %j', (text, lead, expected) => {
    expect(textUnderLead(text, lead)).toBe(expected);
  });
});
