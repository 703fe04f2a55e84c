import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** A unit whose database holds fewer revisions than this server had already handed out. */
export interface RewoundUnit {
  unitId: string;
  /** The unit's revision in the database as it was opened. */
  rev: number;
  /** The highest revision a push of it had been answered with. */
  handedOut: number;
}

function read(file: string): Map<string, number> {
  try {
    const marks = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof marks !== 'object' || marks === null) return new Map();
    return new Map(Object.entries(marks).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1])));
  } catch {
    // Missing or torn: nothing to compare with, which only leaves a restore unnoticed this once.
    return new Map();
  }
}

const serialize = (marks: Map<string, number>) => JSON.stringify(Object.fromEntries(marks));

/**
 * The revisions each unit's pushes were answered with, kept in a small file beside a SQLite
 * database, so that a database file put back to an older copy is noticed when it is opened: its
 * units are then behind what the clients were told (`rewound`). Only answered (so durable)
 * revisions are marked, so a crash never makes a database look rewound; the file is written at
 * most once every `everyMs` and at close, to a temporary file renamed over it.
 *
 * @example
 * const marks = revisionMarks(`${path}-revs.json`);
 * const rewound = marks.rewound(unitsWithTheirRevs); // then: new epochs for those
 * marks.answered(unitId, rev);
 */
export function revisionMarks(file: string, everyMs = 1000) {
  const marks = read(file);
  let changed = false;
  let writing: Promise<void> | undefined;
  const flush = async () => {
    if (!changed) return;
    changed = false;
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, serialize(marks));
    await rename(temporary, file);
  };
  const tick = () => {
    writing ??= flush()
      .catch(() => {
        changed = true;
      })
      .finally(() => {
        writing = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();

  return {
    /**
     * The units behind their marks; then every unit's mark is its revision as opened (written at
     * once), so the same database is not found rewound again.
     */
    rewound(units: Array<{ id: string; rev: number }>): RewoundUnit[] {
      const behind = units
        .filter((unit) => (marks.get(unit.id) ?? 0) > unit.rev)
        .map((unit) => ({ unitId: unit.id, rev: unit.rev, handedOut: marks.get(unit.id)! }));
      marks.clear();
      for (const unit of units) marks.set(unit.id, unit.rev);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize(marks));
      renameSync(temporary, file);
      return behind;
    },
    /** A push of the unit was answered with this revision. */
    answered(unitId: string, rev: number): void {
      if (rev <= (marks.get(unitId) ?? 0)) return;
      marks.set(unitId, rev);
      changed = true;
    },
    /** The unit's revision was set, not raised (a unit imported from a backup). */
    reset(unitId: string, rev: number): void {
      marks.set(unitId, rev);
      changed = true;
    },
    async close(): Promise<void> {
      clearInterval(timer);
      await writing;
      await flush();
    },
  };
}
