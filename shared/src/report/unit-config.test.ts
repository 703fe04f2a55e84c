import { describe, expect, it } from 'vitest';
import leadsData from '../../data/leads.json';
import metricsData from '../../data/metrics.json';
import rulesData from '../../data/rules.json';
import taxonomyData from '../../data/taxonomy.json';
import templatesData from '../../data/templates.json';
import {
  builtInConfigDocument,
  crossCheckUnitConfig,
  defaultUnitConfig,
  resolveUnitConfig,
  unitConfigKinds,
  unitConfigSchemas,
} from './unit-config';

const files = {
  taxonomy: taxonomyData,
  rules: rulesData,
  leads: leadsData,
  templates: templatesData,
  metrics: metricsData,
  model: builtInConfigDocument('model'),
};

describe('unit configuration', () => {
  it.each(unitConfigKinds)('takes the built-in %s file as it is', (kind) => {
    expect(unitConfigSchemas[kind].safeParse(files[kind]).success).toBe(true);
  });

  it('uses the built-in document of every kind the unit has not replaced', () => {
    expect(resolveUnitConfig({})).toEqual(defaultUnitConfig);
    const rules = { rules: [{ category: 'other', when: {} }] };
    const resolved = resolveUnitConfig({ rules });
    expect(resolved.rules).toEqual(rules.rules);
    expect(resolved.templates).toBe(defaultUnitConfig.templates);
  });

  it('refuses a template set that leaves a kind of report without a template', () => {
    const monthOnly = { templates: templatesData.templates.filter((t) => t.kind === 'month') };
    const result = unitConfigSchemas.templates.safeParse(monthOnly);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(
      'No template for: week, quarter, half_year, nine_months, year',
    );
  });

  it('finds what one document names and another lacks', () => {
    expect(crossCheckUnitConfig(defaultUnitConfig)).toEqual([]);
    const taxonomy = {
      ...defaultUnitConfig.taxonomy,
      categories: defaultUnitConfig.taxonomy.categories.filter((c) => c.key !== 'office_admin'),
    };
    const leads = defaultUnitConfig.leads.filter((l) => l.id !== 'tham-muu');
    const problems = crossCheckUnitConfig({ ...defaultUnitConfig, taxonomy, leads });
    expect(problems.some((p) => p.path.startsWith('templates.') && p.message.includes('"office_admin"'))).toBe(true);
    expect(problems.some((p) => p.path.startsWith('rules.') && p.message.includes('"office_admin"'))).toBe(true);
    expect(problems.some((p) => p.message.includes('Lead "tham-muu"'))).toBe(true);
  });
});
