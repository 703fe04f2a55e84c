import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revisionMarks } from './revision-marks';

describe('revisionMarks', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gom-marks-'));
    file = join(dir, 'gom.db-revs.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the units behind the revisions answered before, and marks them as opened', async () => {
    const first = revisionMarks(file);
    expect(
      first.rewound([
        { id: 'SNgV', rev: 0 },
        { id: 'SNV', rev: 0 },
      ]),
    ).toEqual([]);
    first.answered('SNgV', 7);
    first.answered('SNgV', 5);
    first.answered('SNV', 2);
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ SNgV: 7, SNV: 2 });

    const restored = revisionMarks(file);
    expect(
      restored.rewound([
        { id: 'SNgV', rev: 3 },
        { id: 'SNV', rev: 2 },
      ]),
    ).toEqual([{ unitId: 'SNgV', rev: 3, handedOut: 7 }]);
    await restored.close();
    // Marked as opened: the same database is not found rewound twice.
    const again = revisionMarks(file);
    expect(
      again.rewound([
        { id: 'SNgV', rev: 3 },
        { id: 'SNV', rev: 2 },
      ]),
    ).toEqual([]);
    await again.close();
  });

  it('writes on its timer, not only at close', async () => {
    const marks = revisionMarks(file, 10);
    marks.rewound([{ id: 'SNgV', rev: 0 }]);
    marks.answered('SNgV', 4);
    await new Promise((done) => setTimeout(done, 100));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ SNgV: 4 });
    await marks.close();
  });

  it('takes an imported unit at its revision, even a lower one', async () => {
    const marks = revisionMarks(file);
    marks.rewound([{ id: 'SNgV', rev: 9 }]);
    marks.reset('SNgV', 2);
    await marks.close();
    const reopened = revisionMarks(file);
    expect(reopened.rewound([{ id: 'SNgV', rev: 2 }])).toEqual([]);
    await reopened.close();
  });

  it('compares with nothing when the file is torn or not JSON marks', async () => {
    for (const torn of ['{"SNgV": 7', '[7]', '{"SNgV": "7"}', 'null']) {
      writeFileSync(file, torn);
      const marks = revisionMarks(file);
      expect(marks.rewound([{ id: 'SNgV', rev: 1 }])).toEqual([]);
      await marks.close();
    }
  });
});
