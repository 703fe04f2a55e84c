import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../taxonomy';
import { bayesModelSchema, emptyBayesModel, features, learn, predict } from './bayes';
import { createClassifier, learnFrom, suggestCategory } from './classify';

describe('the naive Bayes model', () => {
  it('reads syllables and syllable pairs of the canonical text, without digits', () => {
    expect(features('Hợp tác 2021 với Lào')).toEqual(['hợp', 'tác', 'với', 'lào', 'hợp tác', 'tác với', 'với lào']);
  });

  it('learns incrementally and survives a round trip through JSON', () => {
    const model = emptyBayesModel();
    learn(model, 'Tiếp nhận hồ sơ cấp thị thực', 'translation_services_tthc');
    learn(model, 'Hội nghị hợp tác với tỉnh bạn', 'intl_cooperation');
    const stored = bayesModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(predict(stored, 'hồ sơ thị thực')).toEqual(predict(model, 'hồ sơ thị thực'));
    const [best] = [...predict(stored, 'hồ sơ thị thực')].sort((a, b) => b[1] - a[1]);
    expect(best?.[0]).toBe('translation_services_tthc');
    expect(model.vocabulary).toBe(
      new Set([...features('Tiếp nhận hồ sơ cấp thị thực'), ...features('Hội nghị hợp tác với tỉnh bạn')]).size,
    );
  });
});

describe('suggestCategory', () => {
  it('never overrides the officer’s own category', () => {
    expect(
      suggestCategory({ text: 'Thực hiện 256 trang biên dịch', category: 'other', categorySource: 'user' }),
    ).toEqual({ category: 'other', confidence: 1, top: [{ category: 'other', confidence: 1 }] });
  });

  it('gives a top three with confidences that sum to at most one, best first', () => {
    const suggestion = suggestCategory({ text: 'Tham mưu UBND tỉnh cho phép lưu học sinh Lào nhập cảnh' });
    expect(suggestion.category).toBe('delegations_consular');
    expect(suggestion.top[0]).toEqual({ category: suggestion.category, confidence: suggestion.confidence });
    expect(suggestion.top.length).toBeLessThanOrEqual(3);
    const sum = suggestion.top.reduce((a, s) => a + s.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1.001);
    expect(suggestion.top.map((s) => s.confidence)).toEqual(
      [...suggestion.top.map((s) => s.confidence)].sort((a, b) => b - a),
    );
  });

  it('learns from the officer’s corrections: what the rules cannot know, the unit teaches', () => {
    const classifier = createClassifier();
    const text = 'Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh';
    expect(suggestCategory({ text }, classifier).category).toBe('other');
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

  it('one correction of a text the rules place makes that text, and texts close to it, suggest her category', () => {
    const classifier = createClassifier();
    const text = 'Tham mưu UBND tỉnh cho phép 01 lưu học sinh Lào nhập cảnh qua cửa khẩu quốc tế Cầu Treo';
    expect(suggestCategory({ text }, classifier).category).toBe('delegations_consular');
    learnFrom(classifier, { text, category: 'intl_cooperation' });
    expect(suggestCategory({ text }, classifier).category).toBe('intl_cooperation');
    expect(
      suggestCategory(
        { text: 'Tham mưu UBND tỉnh cho phép 02 lưu học sinh Lào nhập cảnh qua cửa khẩu quốc tế Cầu Treo' },
        classifier,
      ).category,
    ).toBe('intl_cooperation');
    // A text that only shares the lead is still the rules' to place.
    expect(suggestCategory({ text: 'Tham mưu UBND tỉnh cử Đoàn cán bộ đi Hungary' }, classifier).category).toBe(
      'delegations_consular',
    );
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

  it('keeps only the corrections the suggestion needed, and loads a model stored before they were kept', () => {
    const classifier = createClassifier();
    learnFrom(classifier, { text: 'Thực hiện 256 trang biên dịch các loại', category: 'translation_services_tthc' });
    expect(classifier.model.corrections ?? []).toEqual([]);
    learnFrom(classifier, { text: 'Thực hiện 256 trang biên dịch các loại', category: 'office_admin' });
    expect(classifier.model.corrections).toEqual([
      { text: 'thực hiện 256 trang biên dịch các loại', category: 'office_admin' },
    ]);
    const stored = bayesModelSchema.parse(JSON.parse(JSON.stringify(classifier.model)));
    expect(
      suggestCategory({ text: 'Thực hiện 256 trang biên dịch các loại' }, createClassifier({ model: stored })).category,
    ).toBe('office_admin');
    const { corrections: _, ...older } = classifier.model;
    expect(bayesModelSchema.safeParse(older).success).toBe(true);
  });
});
