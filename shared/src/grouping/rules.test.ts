import { describe, expect, it } from 'vitest';
import { defaultRules, matchRules, ruleListSchema } from './rules';

const document = (reference: string, type = 'Công văn', issuer = 'Sở Ngoại vụ') => ({
  url: null,
  title: null,
  selection: null,
  document: { reference, type, issuedOn: null, issuer, summary: null, signer: null, direction: null, dueOn: null },
});

describe('ruleListSchema', () => {
  it('ends the built-in rules with the catch-all', () => {
    expect(defaultRules.at(-1)).toEqual({ category: 'other', when: {} });
  });

  it('refuses a rule list without a catch-all last, or with an unknown condition', () => {
    expect(ruleListSchema.safeParse([{ category: 'a', when: { keywords: ['x'] } }]).success).toBe(false);
    expect(
      ruleListSchema.safeParse([
        { category: 'a', when: { colour: ['x'] } },
        { category: 'other', when: {} },
      ]).success,
    ).toBe(false);
  });
});

describe('matchRules', () => {
  it('ranks the categories of every rule that matches, first match first, without the catch-all', () => {
    expect(matchRules({ text: 'Tham mưu UBND tỉnh cho phép lưu học sinh Lào nhập cảnh' })).toEqual([
      'delegations_consular',
      'intl_cooperation',
    ]);
  });

  it('falls through to the catch-all, and matches whole words only', () => {
    expect(matchRules({ text: 'Dọn dẹp kho lưu trữ' })).toEqual(['other']);
    expect(matchRules({ text: 'Làm việc với tỉnh Savannakhet' })).toEqual(['other']);
  });

  it('reads a lead, the source document and tags when a rule asks for them', () => {
    const rules = ruleListSchema.parse([
      { category: 'policy_documents', when: { leads: ['tham-muu'], documentTypes: ['Tờ trình'] } },
      { category: 'office_admin', when: { issuers: ['Sở Nội vụ'] } },
      { category: 'delegations_consular', when: { references: ['-LS$'] } },
      { category: 'directive_followup', when: { tags: ['chỉ đạo'] } },
      { category: 'other', when: {} },
    ]);
    expect(
      matchRules({ text: 'Tham mưu UBND tỉnh Quy chế', source: document('17/TTr-SNgV', 'Tờ trình') }, rules)[0],
    ).toBe('policy_documents');
    expect(matchRules({ text: 'Ban hành Quy chế', source: document('17/TTr-SNgV', 'Tờ trình') }, rules)).toEqual([
      'other',
    ]);
    expect(matchRules({ text: 'Góp ý', source: document('12/SNV-TCBC', 'Công văn', 'Sở Nội vụ tỉnh') }, rules)).toEqual(
      ['office_admin'],
    );
    expect(matchRules({ text: 'Góp ý', source: document('219/SNgV-LS') }, rules)).toEqual(['delegations_consular']);
    expect(matchRules({ text: 'Góp ý', tags: ['chỉ đạo'] }, rules)).toEqual(['directive_followup']);
  });

  it('sends every directive to the follow-up of directives', () => {
    expect(matchRules({ text: 'Tham mưu UBND tỉnh Kế hoạch', kind: 'directive' })[0]).toBe('directive_followup');
  });
});
