import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../taxonomy';
import { defaultMonthTemplate, defaultTemplates, findTemplate, reportKinds, reportTemplateSchema } from './template';

describe('the default unit’s templates', () => {
  it('has one template per report kind, the monthly one named so-ngoai-vu', () => {
    expect(defaultTemplates.map((t) => t.kind)).toEqual([...reportKinds]);
    expect(findTemplate('so-ngoai-vu')).toBe(defaultMonthTemplate);
    expect(new Set(defaultTemplates.map((t) => t.id)).size).toBe(defaultTemplates.length);
  });

  it('places every category of the taxonomy in every results part', () => {
    const keys = defaultTaxonomy.categories.map((c) => c.key);
    for (const template of defaultTemplates) {
      const results = template.parts.find((p) => p.kinds.includes('result'));
      expect(results?.sections.flatMap((s) => s.categories).sort(), template.id).toEqual([...keys].sort());
    }
  });

  it('refuses a template without the catch-all, or without "./." at the end', () => {
    const [results, plans] = defaultMonthTemplate.parts;
    const noCatchAll = { ...results!, sections: results!.sections.filter((s) => !s.categories.includes('other')) };
    expect(reportTemplateSchema.safeParse({ ...defaultMonthTemplate, parts: [noCatchAll, plans] }).success).toBe(false);
    expect(reportTemplateSchema.safeParse({ ...defaultMonthTemplate, closing: 'Trân trọng.' }).success).toBe(false);
  });
});
