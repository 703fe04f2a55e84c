import { z } from 'zod';
import { type Classifier, createClassifier } from '../grouping/classify';
import { defaultLexicon } from '../grouping/features';
import { defaultLeads, type LeadPattern, leadCatalogSchema } from '../grouping/leads';
import { priorFor } from '../grouping/prior';
import { type ClassificationRule, defaultRules, ruleListSchema } from '../grouping/rules';
import { emptyUnitModel, type UnitModel, unitModelSchema } from '../grouping/unit-model';
import { defaultTaxonomy, type Taxonomy, taxonomySchema } from '../taxonomy';
import { defaultMetricCatalog, type MetricCatalog, metricCatalogSchema } from './figures';
import { defaultTemplates, type ReportTemplate, reportKinds, reportTemplateSchema } from './template';

/**
 * What a unit's administrator may replace, each as one JSON document shaped as its file in
 * `shared/data/` (so the built-in file is a valid starting point): the taxonomy, the ordered
 * classification rules, the leads, the report templates and the metric catalog; and the model the
 * unit learned (from its officers' corrections and its past reports), versioned the same way.
 */
export const unitConfigKinds = ['taxonomy', 'rules', 'leads', 'templates', 'metrics', 'model'] as const;
export const unitConfigKindSchema = z.enum(unitConfigKinds);
export type UnitConfigKind = z.infer<typeof unitConfigKindSchema>;

const templateSetSchema = z
  .object({ templates: z.array(reportTemplateSchema).min(1) })
  .refine((set) => new Set(set.templates.map((t) => t.id)).size === set.templates.length, {
    message: 'Mỗi mẫu báo cáo có một id riêng / Every template needs an id of its own',
  })
  .superRefine((set, ctx) => {
    // The server builds every kind of report from the unit's templates: none may be missing.
    const missing = reportKinds.filter((kind) => !set.templates.some((t) => t.kind === kind));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['templates'],
        message: `Thiếu mẫu cho loại báo cáo: ${missing.join(', ')} / No template for: ${missing.join(', ')}`,
      });
    }
  });

/** The zod schema of each kind of configuration document. */
export const unitConfigSchemas = {
  taxonomy: taxonomySchema,
  rules: z.object({ rules: ruleListSchema }),
  leads: leadCatalogSchema,
  templates: templateSetSchema,
  metrics: metricCatalogSchema,
  model: unitModelSchema,
} as const;

/** A unit's configuration, in the shape the pipeline takes it. */
export interface UnitConfig {
  taxonomy: Taxonomy;
  rules: ClassificationRule[];
  leads: LeadPattern[];
  templates: ReportTemplate[];
  metrics: MetricCatalog;
  /** What the unit learned on top of the built-in knowledge (see `grouping/unit-model.ts`). */
  model: UnitModel;
}

/** The built-in configuration: the default unit's, used for every kind a unit has not replaced. */
export const defaultUnitConfig: UnitConfig = {
  taxonomy: defaultTaxonomy,
  rules: defaultRules,
  leads: defaultLeads,
  templates: defaultTemplates,
  metrics: defaultMetricCatalog,
  model: emptyUnitModel(),
};

/** The built-in document of a kind, in the shape of its file in `shared/data/` and of a replacement. */
export function builtInConfigDocument(kind: UnitConfigKind): unknown {
  if (kind === 'model') return emptyUnitModel();
  if (kind === 'taxonomy' || kind === 'metrics') return defaultUnitConfig[kind];
  return { [kind]: defaultUnitConfig[kind] };
}

/** The documents a unit has stored, by kind, as validated when stored. */
export type UnitConfigDocuments = Partial<Record<UnitConfigKind, unknown>>;

/** A unit's configuration: its own document of each kind where it has one, the built-in one elsewhere. */
export function resolveUnitConfig(documents: UnitConfigDocuments): UnitConfig {
  const { taxonomy, rules, leads, templates, metrics, model } = documents;
  return {
    taxonomy: taxonomy === undefined ? defaultUnitConfig.taxonomy : unitConfigSchemas.taxonomy.parse(taxonomy),
    rules: rules === undefined ? defaultUnitConfig.rules : unitConfigSchemas.rules.parse(rules).rules,
    leads: leads === undefined ? defaultUnitConfig.leads : unitConfigSchemas.leads.parse(leads).leads,
    templates:
      templates === undefined ? defaultUnitConfig.templates : unitConfigSchemas.templates.parse(templates).templates,
    metrics: metrics === undefined ? defaultUnitConfig.metrics : unitConfigSchemas.metrics.parse(metrics),
    model: model === undefined ? emptyUnitModel() : unitConfigSchemas.model.parse(model),
  };
}

/**
 * The classifier of a unit's taxonomy, rules and leads, with what it has learned: its own model
 * unless another is given (one with this PC's lessons not yet sent on top). Learning changes the
 * model it holds: give it a copy to learn on.
 */
export function unitClassifier(config: UnitConfig, model: UnitModel = config.model): Classifier {
  const knowledge = { rules: config.rules, leads: config.leads, lexicon: defaultLexicon };
  const builtIn = new Set(defaultRules.map((r) => JSON.stringify(r)));
  const unitRules = config.rules.filter((r) => Object.keys(r.when).length > 0 && !builtIn.has(JSON.stringify(r)));
  return createClassifier({ ...knowledge, prior: priorFor(config.taxonomy, knowledge), model, unitRules });
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * What the documents say of each other: every category a template, a rule or a metric names is in
 * the taxonomy, and every lead a rule names is in the leads. Checked on the whole configuration
 * as it would be after a change, so that replacing one document cannot break another.
 */
export function crossCheckUnitConfig(config: UnitConfig): ConfigProblem[] {
  const categories = new Set(config.taxonomy.categories.map((c) => c.key));
  const leads = new Set(config.leads.map((l) => l.id));
  const problems: ConfigProblem[] = [];
  const unknownCategory = (path: string, key: string) =>
    problems.push({
      path,
      message: `Nhóm "${key}" không có trong danh mục của đơn vị / Category "${key}" is not in the unit's taxonomy`,
    });
  config.templates.forEach((template, t) => {
    template.parts.forEach((part, p) => {
      part.sections.forEach((section, s) => {
        for (const key of section.categories) {
          if (!categories.has(key)) unknownCategory(`templates.${t}.parts.${p}.sections.${s}.categories`, key);
        }
      });
    });
  });
  config.rules.forEach((rule, r) => {
    if (!categories.has(rule.category)) unknownCategory(`rules.${r}.category`, rule.category);
    for (const lead of rule.when.leads ?? []) {
      if (!leads.has(lead)) {
        problems.push({
          path: `rules.${r}.when.leads`,
          message: `Cụm mở đầu "${lead}" không có trong danh sách của đơn vị / Lead "${lead}" is not in the unit's leads`,
        });
      }
    }
  });
  config.metrics.metrics.forEach((metric, m) => {
    if (!categories.has(metric.category)) unknownCategory(`metrics.${m}.category`, metric.category);
  });
  return problems;
}
