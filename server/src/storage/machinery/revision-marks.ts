import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** A unit whose database holds fewer revisions than this server had already handed out under its epoch. */
export interface RewoundUnit {
  unitId: string;
  /** The unit's revision in the database as it was opened. */
  rev: number;
  /** The highest revision a push of it had been answered with, under the same epoch. */
  handedOut: number;
}

/** Unit → epoch → the highest revision answered under it. */
type Marks = Map<string, Map<string, number>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function read(file: string): Marks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Missing or torn: nothing to compare with, which only leaves a restore unnoticed this once.
    return new Map();
  }
  const marks: Marks = new Map();
  if (!isRecord(parsed)) return marks;
  for (const [unitId, epochs] of Object.entries(parsed)) {
    if (!isRecord(epochs)) continue;
    const revs = Object.entries(epochs).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1]));
    marks.set(unitId, new Map(revs));
  }
  return marks;
}

const serialize = (marks: Marks) =>
  JSON.stringify(Object.fromEntries([...marks].map(([unitId, epochs]) => [unitId, Object.fromEntries(epochs)])));

/**
 * The revisions each unit's pushes were answered with, per epoch, kept in a small file beside a
 * SQLite database, so that a database file put back to an older copy is noticed when it is opened:
 * its units are then behind what clients were told under the epoch the copy carries (`rewound`).
 * Kept per epoch, not reset at a restore: a second copy put back with the first one's epoch must be
 * found behind too. Only answered (so durable) revisions are marked, so a crash never makes a
 * database look rewound; the file is written at most once every `everyMs` and at close, to a
 * temporary file renamed over it.
 *
 * @example
 * const marks = revisionMarks(`${path}-revs.json`);
 * const rewound = marks.rewound(units); // then: new epochs for those
 * marks.answered(unitId, epoch, rev);
 */
export function revisionMarks(file: string, everyMs = 1000) {
  const marks = read(file);
  let changed = false;
  let writing: Promise<void> | undefined;
  const flush = async () => {
    if (!changed) return;
    changed = false;
    // Per process: a command run beside the server writes the same file.
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
    /** The units whose revision is below the highest answered under their epoch. */
    rewound(units: Array<{ id: string; rev: number; epoch: string }>): RewoundUnit[] {
      return units.flatMap((unit) => {
        const handedOut = marks.get(unit.id)?.get(unit.epoch) ?? 0;
        return handedOut > unit.rev ? [{ unitId: unit.id, rev: unit.rev, handedOut }] : [];
      });
    },
    /** A push of the unit was answered with this revision under this epoch. */
    answered(unitId: string, epoch: string, rev: number): void {
      const epochs = marks.get(unitId) ?? new Map<string, number>();
      if (rev <= (epochs.get(epoch) ?? 0)) return;
      epochs.set(epoch, rev);
      marks.set(unitId, epochs);
      changed = true;
    },
    async close(): Promise<void> {
      clearInterval(timer);
      await writing;
      await flush();
    },
  };
}

/** The marks of one database file. */
export type RevisionMarks = ReturnType<typeof revisionMarks>;
