import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultUnitConfig, unitClassifier } from '../report/unit-config';
import { defaultTaxonomy } from '../taxonomy';
import { createClassifier, learnFrom, rankCategories, suggestCategory } from './classify';
import { textFeatures as features } from './features';
import { defaultRules } from './rules';
import { unitModelSchema } from './unit-model';

describe('the features of an item', () => {
  it('reads syllables and syllable pairs of the canonical text, without digits', () => {
    expect(features('Hợp tác 2021 với Lào')).toEqual(['hợp', 'tác', 'với', 'lào', 'hợp tác', 'tác với', 'với lào']);
  });
});

describe('the unit model', () => {
  it('learns incrementally and survives a round trip through JSON', () => {
    const classifier = createClassifier();
    learnFrom(classifier, { text: 'Tiếp nhận hồ sơ cấp thị thực', category: 'translation_services_tthc' });
    learnFrom(classifier, { text: 'Hội nghị hợp tác với tỉnh bạn', category: 'intl_cooperation' });
    const stored = unitModelSchema.parse(JSON.parse(JSON.stringify(classifier.model)));
    expect(stored.learned).toBe(2);
    const text = 'hồ sơ thị thực';
    expect(rankCategories({ text }, createClassifier({ model: stored }))).toEqual(rankCategories({ text }, classifier));
  });

  it('follows a taxonomy that gained or lost a category since it learned', () => {
    const classifier = createClassifier();
    learnFrom(classifier, { text: 'Tiếp nhận hồ sơ cấp thị thực', category: 'translation_services_tthc' });
    const older = { ...classifier.model, classes: [...classifier.model.classes.slice(1), 'retired'] };
    older.bias = [...classifier.model.bias.slice(1), 0.5];
    const ranking = rankCategories({ text: 'hồ sơ thị thực' }, createClassifier({ model: older }));
    expect(ranking.map((r) => r.category).sort()).toEqual([...classifier.prior.classes].sort());
  });
});

describe('suggestCategory', () => {
  it('never overrides the officer’s own category', () => {
    expect(
      suggestCategory({ text: 'Thực hiện 256 trang biên dịch', category: 'other', categorySource: 'user' }),
    ).toEqual({ category: 'other', confidence: 1, top: [{ category: 'other', confidence: 1 }] });
  });

  it('gives a top three of three categories with confidences that sum to at most one, best first', () => {
    const suggestion = suggestCategory({ text: 'Cử đoàn cán bộ đi công tác nước ngoài' });
    expect(suggestion.category).toBe('delegations_consular');
    expect(suggestion.top[0]).toEqual({ category: suggestion.category, confidence: suggestion.confidence });
    expect(suggestion.top).toHaveLength(3);
    const sum = suggestion.top.reduce((a, s) => a + s.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1.001);
    expect(suggestion.top.map((s) => s.confidence)).toEqual(
      [...suggestion.top.map((s) => s.confidence)].sort((a, b) => b - a),
    );
  });

  it('ranks every category of the taxonomy, the probabilities summing to one', () => {
    const ranking = rankCategories({ text: 'Thực hiện 256 trang biên dịch' });
    expect(ranking.map((r) => r.category).sort()).toEqual(defaultTaxonomy.categories.map((c) => c.key).sort());
    expect(ranking.reduce((a, r) => a + r.confidence, 0)).toBeCloseTo(1, 9);
    expect(ranking[0]?.category).toBe('translation_services_tthc');
  });

  it('gives what it has no opinion on to the catch-all', () => {
    expect(suggestCategory({ text: 'Dọn dẹp kho' }).category).toBe('other');
  });

  it('weighs the source document: a document of the consular office speaks for consular work', () => {
    const text = 'Văn bản gửi các cơ quan liên quan';
    const from = (reference: string) => ({
      url: null,
      title: null,
      selection: null,
      document: {
        reference,
        type: 'Công văn',
        issuedOn: null,
        issuer: null,
        summary: null,
        signer: null,
        direction: null,
        dueOn: null,
      },
    });
    const consular = rankCategories({ text, source: from('219/SNgV-LS') });
    const translation = rankCategories({ text, source: from('219/SNgV-TTDT') });
    const share = (r: typeof consular, c: string) => r.find((s) => s.category === c)?.confidence ?? 0;
    expect(share(consular, 'delegations_consular')).toBeGreaterThan(share(translation, 'delegations_consular'));
    expect(share(translation, 'translation_services_tthc')).toBeGreaterThan(
      share(consular, 'translation_services_tthc'),
    );
  });

  it('learns from the officer’s corrections: what the built-in knowledge cannot know, the unit teaches', () => {
    const classifier = createClassifier();
    const text = 'Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh';
    expect(suggestCategory({ text }, classifier).category).not.toBe('intl_cooperation');
    for (const correction of [
      'Góp ý phương án xử lý tài sản của Trung tâm MSI',
      'Làm việc với Trung tâm MSI về tài sản dự án',
      'Báo cáo tình hình tài sản Trung tâm MSI',
    ]) {
      learnFrom(classifier, { text: correction, category: 'intl_cooperation' });
    }
    expect(suggestCategory({ text }, classifier).category).toBe('intl_cooperation');
  });
});

describe('corrections change later suggestions', () => {
  const sampleItems: Array<{ text: string; category: string | null }> = readFileSync(
    new URL('../../data/items.jsonl', import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const texts = sampleItems.map((i) => i.text);
  const categories = defaultTaxonomy.categories.map((c) => c.key);
  const confirmed = fc.record({ text: fc.constantFrom(...texts), category: fc.constantFrom(...categories) });

  it('one correction of a text makes that text, and texts close to it, suggest her category', () => {
    const classifier = createClassifier();
    const text = 'Tham mưu UBND tỉnh cho phép 01 lưu học sinh Lào nhập cảnh qua cửa khẩu quốc tế Cầu Treo';
    expect(suggestCategory({ text }, classifier).category).toBe('intl_cooperation');
    learnFrom(classifier, { text, category: 'delegations_consular' });
    expect(suggestCategory({ text }, classifier).category).toBe('delegations_consular');
    expect(suggestCategory({ text: text.replace('01', '02') }, classifier).category).toBe('delegations_consular');
    // A text that only shares the lead is still the built-in knowledge's to place.
    expect(
      suggestCategory({ text: 'Tham mưu UBND tỉnh cho phép lưu học sinh Lào học tiếng Việt' }, classifier).category,
    ).toBe('intl_cooperation');
  });

  it('makes the corrected text suggest the corrected category, whatever was learned before', () => {
    fc.assert(
      fc.property(
        fc.array(confirmed, { maxLength: 60 }),
        confirmed,
        fc.array(confirmed, { maxLength: 5 }),
        (history, correction, earlier) => {
          const classifier = createClassifier();
          // The same text may have been placed elsewhere before: her latest word counts.
          for (const item of [...earlier.map((e) => ({ ...e, text: correction.text })), ...history]) {
            learnFrom(classifier, item);
          }
          learnFrom(classifier, correction);
          expect(suggestCategory({ text: correction.text }, classifier).category).toBe(correction.category);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps only the corrections the suggestion needed', () => {
    const classifier = createClassifier();
    learnFrom(classifier, { text: 'Thực hiện 256 trang biên dịch các loại', category: 'translation_services_tthc' });
    expect(classifier.model.corrections).toEqual([]);
    learnFrom(classifier, { text: 'Thực hiện 256 trang biên dịch các loại', category: 'office_admin' });
    expect(classifier.model.corrections).toEqual([
      { text: 'thực hiện 256 trang biên dịch các loại', category: 'office_admin' },
    ]);
    const stored = unitModelSchema.parse(JSON.parse(JSON.stringify(classifier.model)));
    expect(
      suggestCategory({ text: 'Thực hiện 256 trang biên dịch các loại' }, createClassifier({ model: stored })).category,
    ).toBe('office_admin');
  });
});

describe('the unit’s own rules', () => {
  it('weigh as the administrator’s word; the built-in rules stay evidence', () => {
    const text = 'Đón tiếp Đoàn công tác của tỉnh Gifu.';
    const gifu = { category: 'intl_cooperation', when: { keywords: ['gifu'] } };
    const rules = [gifu, ...defaultRules];
    expect(suggestCategory({ text }).category).not.toBe('intl_cooperation');
    const own = unitClassifier({ ...defaultUnitConfig, rules });
    expect(own.unitRules).toEqual([gifu]);
    expect(suggestCategory({ text }, own).category).toBe('intl_cooperation');
    expect(unitClassifier(defaultUnitConfig).unitRules).toEqual([]);
  });
});
