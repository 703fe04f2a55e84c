import {
  buildMonthReport,
  defaultMonthTemplate,
  type Item,
  localIsoDate,
  type MonthPeriod,
  materializeItem,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import { NotFoundError, type Storage, type User } from '../storage/port';

/** The unit's report for a calendar month, as a .docx, from every member's items. */
export async function monthReportDocx(
  storage: Storage,
  user: User,
  period: MonthPeriod,
  today: Date = new Date(),
): Promise<Uint8Array> {
  const unit = await storage.getUnit(user.unitId);
  if (!unit) throw new NotFoundError(`Unit ${user.unitId} not found`);
  const stored = await storage.itemsOccurringBetween(user.unitId, period.from, period.to);
  const items = stored.map((record) => materializeItem(record, unit.id)).filter((item): item is Item => item !== null);
  const model = buildMonthReport({
    items,
    period,
    template: defaultMonthTemplate,
    unit,
    issuedOn: localIsoDate(today),
  });
  return renderDocx(model);
}
