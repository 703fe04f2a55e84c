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

  it('finds the units behind the revisions answered before under their epoch', async () => {
    const first = revisionMarks(file);
    expect(first.rewound([{ id: 'SNgV', rev: 0, epoch: 'e1' }])).toEqual([]);
    first.answered('SNgV', 'e1', 7);
    first.answered('SNgV', 'e1', 5);
    first.answered('SNV', 'e9', 2);
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ SNgV: { e1: 7 }, SNV: { e9: 2 } });

    const reopened = revisionMarks(file);
    expect(
      reopened.rewound([
        { id: 'SNgV', rev: 3, epoch: 'e1' },
        { id: 'SNV', rev: 2, epoch: 'e9' },
      ]),
    ).toEqual([{ unitId: 'SNgV', rev: 3, handedOut: 7 }]);
    // Under another epoch (the unit was resynced since), revision 3 was never handed out.
    expect(reopened.rewound([{ id: 'SNgV', rev: 3, epoch: 'e2' }])).toEqual([]);
    await reopened.close();
  });

  it('keeps what an epoch handed out after a restore, so a second copy put back with it is found too', async () => {
    const marks = revisionMarks(file);
    marks.answered('SNgV', 'e1', 4);
    // Restored: the unit went on under a new epoch, from revision 1.
    marks.answered('SNgV', 'e2', 2);
    await marks.close();
    const again = revisionMarks(file);
    expect(again.rewound([{ id: 'SNgV', rev: 1, epoch: 'e1' }])).toEqual([{ unitId: 'SNgV', rev: 1, handedOut: 4 }]);
    await again.close();
  });

  it('writes on its timer, not only at close', async () => {
    const marks = revisionMarks(file, 10);
    marks.answered('SNgV', 'e1', 4);
    await new Promise((done) => setTimeout(done, 100));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ SNgV: { e1: 4 } });
    await marks.close();
  });

  it('compares with nothing when the file is torn or holds no marks', async () => {
    for (const torn of ['{"SNgV": {"e1": 7', '[7]', '{"SNgV": 7}', '{"SNgV": {"e1": "7"}}', 'null']) {
      writeFileSync(file, torn);
      const marks = revisionMarks(file);
      expect(marks.rewound([{ id: 'SNgV', rev: 1, epoch: 'e1' }])).toEqual([]);
      await marks.close();
    }
  });
});
