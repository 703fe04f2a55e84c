import type { Item } from '../item';
import { cleanText } from '../text';

/** The period a plan is for, and the period whose report lists it. */
export interface PlanWindow {
  /** The report's own period: plans written down in it without a target are for the next one. */
  from: string;
  to: string;
  /** The next period's id ("2021-04"): the plans part lists the plans made for it; null after a custom range. */
  nextId: string | null;
}

/**
 * The plans of a report: those made for the next period, and those written down during this one
 * without a target period (an officer noting "next month: …" means the next period).
 */
export function plansFor<T extends Pick<Item, 'kind' | 'plannedFor' | 'occurredOn' | 'deleted'>>(
  items: T[],
  window: PlanWindow,
): T[] {
  return items.filter(
    (item) =>
      !item.deleted &&
      item.kind === 'plan' &&
      (item.plannedFor
        ? item.plannedFor === window.nextId
        : item.occurredOn >= window.from && item.occurredOn <= window.to),
  );
}

export interface CarriedOverPlan {
  /** The plan of the previous period that is not marked done. */
  planId: string;
  /** The sentence offered for the coming period: "Tiếp tục …". */
  text: string;
}

const CONTINUE = /^tiếp tục\b/iu;

/**
 * The plans made for a period (`periodId`) that are not done, offered again for the next one as
 * officers carry them: "Tiếp tục hoàn thiện …". The officer keeps or drops each; nothing is added
 * to a report on its own.
 */
export function carriedOverPlans(
  items: Array<Pick<Item, 'id' | 'kind' | 'plannedFor' | 'status' | 'text' | 'deleted'>>,
  periodId: string,
): CarriedOverPlan[] {
  return items
    .filter((i) => !i.deleted && i.kind === 'plan' && i.plannedFor === periodId && i.status !== 'done')
    .map((plan) => {
      const text = cleanText(plan.text);
      if (CONTINUE.test(text)) return { planId: plan.id, text };
      const lowered = /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
      return { planId: plan.id, text: `Tiếp tục ${lowered}` };
    });
}
