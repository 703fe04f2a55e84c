import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GomDb, openGomDb } from '../store/db';
import { writeItem } from '../store/write-item';
import { pendingBadgeText, watchPendingCount } from './sync-badge';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`gom-badge-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('watchPendingCount', () => {
  it('reports the outbox size now, after each edit and after a push, until aborted', async () => {
    const counts: number[] = [];
    const stop = new AbortController();
    watchPendingCount(db, (n) => counts.push(n), stop.signal);
    await until(() => counts.length === 1);
    await writeItem(db, crypto.randomUUID(), { text: 'Một' });
    await until(() => counts.at(-1) === 1);
    await writeItem(db, crypto.randomUUID(), { text: 'Hai' });
    await until(() => counts.at(-1) === 2);
    await db.outbox.clear();
    await until(() => counts.at(-1) === 0);
    expect(counts).toEqual([0, 1, 2, 0]);
    stop.abort();
    await writeItem(db, crypto.randomUUID(), { text: 'Ba' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual([0, 1, 2, 0]);
  });
});

describe('pendingBadgeText', () => {
  it.each([
    [0, ''],
    [7, '7'],
    [999, '999'],
    [1000, '999+'],
  ])('%i pending reads %j', (count, text) => {
    expect(pendingBadgeText(count)).toBe(text);
  });
});
