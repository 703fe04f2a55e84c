import type { ReportKind, ReportSettings } from '@gom/shared';
import type { Storage, User } from '../storage/port';

/** The unit's header, addressees, recipients, signer and cut-off for one kind of report; empty when it has none. */
export function reportSettings(storage: Storage, unitId: string, kind: ReportKind): Promise<ReportSettings> {
  return storage.getReportSettings(unitId, kind);
}

/** Replaces the unit's settings for one kind of report, remembering who changed them. */
export function saveReportSettings(
  storage: Storage,
  user: User,
  kind: ReportKind,
  settings: ReportSettings,
): Promise<void> {
  return storage.putReportSettings(user.unitId, kind, settings, user.id);
}
