import { byRank, canonicalText, type Period, type PeriodOptions } from '@gom/shared';
import { periodHolding } from '../period/panel-periods';
import { listingInPeriod } from '../period/period-view';
import type { GomDb } from '../store/db';
import type { ListedItem } from '../store/listing';

/**
 * The period a clip is checked against: the month holding its date, cut as the unit cuts its
 * monthly report. The month is the report every officer writes; a duplicate there is a duplicate
 * line in the report she signs.
 */
export function duplicatePeriod(occurredOn: string, monthOptions: PeriodOptions = {}): Period {
  return periodHolding('month', occurredOn, monthOptions);
}

// A clip is compared with every item of its month, and the month's texts rarely change between
// clips: their canonical forms are kept rather than computed again at every clip (a clip has a
// budget, docs/performance.md). Bounded, so a long-lived page cannot grow it without end.
const CANONICAL_KEPT = 20_000;
const canonicalForms = new Map<string, string>();

function canonicalOf(text: string): string {
  let canonical = canonicalForms.get(text);
  if (canonical === undefined) {
    if (canonicalForms.size >= CANONICAL_KEPT) canonicalForms.clear();
    canonical = canonicalText(text);
    canonicalForms.set(text, canonical);
  }
  return canonical;
}

/**
 * A live item of the period whose text is the same as `text` once compared the way search compares
 * ("hoá" and "hóa", case, spacing); null when there is none or `text` is empty. The first in the
 * report's order, so the warning names the line the officer will see first in the side panel.
 */
export async function findDuplicate(db: GomDb, text: string, period: Period): Promise<ListedItem | null> {
  const wanted = canonicalText(text);
  if (!wanted) return null;
  const same = (await listingInPeriod(db, period)).filter((item) => canonicalOf(item.text) === wanted);
  return same.sort(byRank)[0] ?? null;
}

/**
 * Whether a save must stop to show a duplicate first. Stopped only when the warning was not on the
 * screen yet (it had not caught up with the last keystroke): a warning the officer saw and
 * saved past is her choice — a routine line ("Dự họp giao ban tuần") can rightly come twice.
 */
export function holdForDuplicate(found: Pick<ListedItem, 'id'> | null, shownId: string | null): boolean {
  return found !== null && found.id !== shownId;
}
