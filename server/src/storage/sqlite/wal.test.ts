import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './wal';

describe('the WAL checkpointer', () => {
  let dir: string;
  const open: Database.Database[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gom-wal-'));
  });
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A database file whose WAL holds every write: nothing else checkpoints it. */
  function written(name: string) {
    const path = join(dir, name);
    const db = new Database(path);
    open.push(db);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
    return { path, insert, size: statSync(path).size };
  }

  const grown = async (path: string, size: number) => {
    const deadline = Date.now() + 8000;
    while (statSync(path).size === size && Date.now() < deadline) await new Promise((next) => setTimeout(next, 50));
    return statSync(path).size > size;
  };

  it('copies each open file’s WAL into the file from one thread of its own, while the file is in use', async () => {
    const [a, b] = [written('a.db'), written('b.db')];
    const stopA = startCheckpointer(a.path);
    const stopB = startCheckpointer(b.path);
    try {
      expect(await grown(a.path, a.size)).toBe(true);
      expect(await grown(b.path, b.size)).toBe(true);
      // The server's connection keeps writing meanwhile, and a file closed leaves the others checkpointed.
      await stopA();
      a.insert.run('y');
      b.insert.run('y');
      const after = statSync(b.path).size;
      for (let i = 0; i < 200; i++) b.insert.run('z'.repeat(1000));
      expect(await grown(b.path, after)).toBe(true);
    } finally {
      await stopA();
      await stopB();
    }
  }, 30_000);

  it('stops at once when asked before its first pass', async () => {
    await startCheckpointer(written('c.db').path)();
  });
});
