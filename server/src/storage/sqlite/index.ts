import { type MachineryOptions, runs } from '../machinery/options';
import { type RewoundUnit, revisionMarks } from '../machinery/revision-marks';
import type { Storage } from '../port';
import { sqliteBackup } from './backup';
import { sqliteConfig } from './config';
import { openSqliteConnection } from './connection';
import { sqliteItems } from './items';
import { sqliteReports } from './reports';
import { sqliteUnits } from './units';
import { sqliteUsers } from './users';

export interface SqliteOptions extends MachineryOptions {
  /**
   * Told of the units found behind the revisions this server had answered pushes with (the file
   * was put back to an older copy): they were given a new epoch, as `gom unit resync` would.
   */
  onRewound?: (units: RewoundUnit[]) => void;
}

/** The embedded adapter: one SQLite file, on one connection (`connection.ts`). */
export function openSqliteStorage(path: string, { onRewound, ...machinery }: SqliteOptions = {}): Storage {
  const connection = openSqliteConnection(path);
  const units = sqliteUnits(connection);
  const users = sqliteUsers(connection);
  // A database file restored without `gom unit resync` is found behind the revisions its pushes
  // were answered with, and its units start a new epoch as that command would have made them.
  const marks =
    path === ':memory:' || !runs(machinery, 'revisionMarks') ? undefined : revisionMarks(`${path}-revs.json`);
  const items = sqliteItems(connection, marks, machinery);
  const reports = sqliteReports(connection);
  const config = sqliteConfig(connection);
  const backup = sqliteBackup(connection, units, {
    users: users.backup,
    items: items.backup,
    reports: reports.backup,
    config: config.backup,
  });

  if (marks) {
    const rewound = marks.rewound(units.states());
    backup.renew(rewound.map((unit) => unit.unitId));
    if (rewound.length > 0) onRewound?.(rewound);
  }

  return {
    ...units.store,
    ...users.store,
    ...items.store,
    ...reports.store,
    ...config.store,
    ...backup.store,
    ping: () =>
      connection.serial(() => {
        connection.db.prepare('SELECT 1').get();
      }),
    close: () =>
      connection.serial(async () => {
        await marks?.close();
        await connection.end();
      }),
  };
}
