import {
  byRank,
  type CarriedOverPlan,
  carriedOverPlans,
  cleanText,
  defaultItemFields,
  defaultUnitConfig,
  fillPlaceholders,
  type Item,
  localIsoDate,
  materializeItem,
  nextPeriod,
  nextPeriodTitle,
  type Period,
  periodTitle,
} from '@gom/shared';
import { type GomDb, readMeta, writeMeta } from '../store/db';
import { writeItem } from '../store/write-item';
import { templateFor } from './panel-periods';
import { LOCAL_UNIT, type PanelConfig } from './period-view';

/** A plan made for the period shown and not done, offered again for the next one. */
export interface CarryOverSuggestion extends CarriedOverPlan {
  /** The plan's category, copied to the plan that continues it. */
  category: string | null;
  categorySource: Item['categorySource'];
}

/**
 * The period a plan is for: its own target, or — written down without one, as the report reads
 * it — the period after the one it was written in (`previous`, when that is the one shown before).
 */
function targetOf(plan: Item, period: Period, previous: Period | null): string | null {
  if (plan.plannedFor) return plan.plannedFor;
  if (previous && plan.occurredOn >= previous.from && plan.occurredOn <= previous.to) return period.id;
  if (plan.occurredOn >= period.from && plan.occurredOn <= period.to) return nextPeriod(period)?.id ?? null;
  return null;
}

/** Every live plan held in this browser, with the period it is for, in the report's order. */
async function livePlans(db: GomDb, period: Period, previous: Period | null): Promise<Item[]> {
  // Plans are made before their period and continued after it: no date bounds them, so the
  // plans are read whole (a scan, outside the list's own query).
  const records = await db.items.filter((record) => record.fields.kind === 'plan').toArray();
  return records
    .map((record) => materializeItem(record, LOCAL_UNIT))
    .filter((item): item is Item => item !== null && !item.deleted && item.kind === 'plan')
    .map((item) => ({ ...item, plannedFor: targetOf(item, period, previous) }))
    .sort(byRank);
}

/**
 * The unfinished plans made for `period`, as "Tiếp tục …" suggestions for the next one: not those
 * the officer dismissed, nor those already continued (a plan of that text is made for the next period).
 */
export async function carryOverSuggestions(
  db: GomDb,
  period: Period,
  previous: Period | null,
): Promise<CarryOverSuggestion[]> {
  const next = nextPeriod(period);
  if (!next) return [];
  const [plans, dismissed] = await Promise.all([livePlans(db, period, previous), readMeta(db, 'dismissedCarryOvers')]);
  const skipped = new Set(dismissed ?? []);
  const continued = new Set(plans.filter((plan) => plan.plannedFor === next.id).map((plan) => cleanText(plan.text)));
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  return carriedOverPlans(plans, period.id)
    .filter((suggestion) => !skipped.has(suggestion.planId) && !continued.has(suggestion.text))
    .map((suggestion) => {
      const plan = byId.get(suggestion.planId);
      return { ...suggestion, category: plan?.category ?? null, categorySource: plan?.categorySource ?? null };
    });
}

/** The plan that continues a suggestion: made today, for the period after `period`; returns its id. */
export async function continuePlan(
  db: GomDb,
  suggestion: CarryOverSuggestion,
  period: Period,
  now: Date = new Date(),
): Promise<string> {
  const next = nextPeriod(period);
  if (!next) throw new Error(`no period follows ${period.id}`);
  const id = crypto.randomUUID();
  await writeItem(
    db,
    id,
    {
      ...defaultItemFields(localIsoDate(now), now.toISOString()),
      kind: 'plan',
      text: suggestion.text,
      plannedFor: next.id,
      category: suggestion.category,
      categorySource: suggestion.category ? suggestion.categorySource : null,
      // Milliseconds since 1970 sort after every rank given so far: the new plan goes last.
      rank: now.getTime(),
    },
    now.getTime(),
  );
  return id;
}

/** The officer drops a suggestion: it is not offered again in this browser. */
export function dismissCarryOver(db: GomDb, planId: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const held = (await readMeta(db, 'dismissedCarryOvers')) ?? [];
    if (!held.includes(planId)) await writeMeta(db, 'dismissedCarryOvers', [...held, planId]);
  });
}

/** The heading of the report's plans part for `period`, as the side panel's list shows it. */
export function plansPartHeading(period: Period, config: PanelConfig = defaultUnitConfig): string | null {
  const part = templateFor(period, config.templates).parts.find((candidate) => candidate.kinds.includes('plan'));
  if (!part) return null;
  const words = { period: periodTitle(period), nextPeriod: nextPeriodTitle(period, nextPeriod(period)) };
  return fillPlaceholders(part.heading, words, config.taxonomy.unit.agency);
}
