import {
  lessonSchema,
  lessonsResponseSchema,
  MAX_LESSONS,
  type UnitConfigKind,
  unitConfigKindSchema,
  unitConfigKinds,
} from '@gom/shared';
import { z } from 'zod';
import { OfficerError } from '../officer-error';
import { adoptUnitConfig, forgetLessons, pendingLessons } from '../store/classifier-store';
import type { GomDb, UnitConfigRow } from '../store/db';
import { bearer, callServer, type Fetch, readJson, type SettingsSource } from './server-api';

/** The document itself is checked against its kind's schema before it is kept (`putUnitConfig`). */
const configInUseSchema = z.object({
  kind: unitConfigKindSchema,
  version: z.number().int().nullable(),
  document: z.unknown(),
});

export interface UnitConfigSyncResult {
  /** Lessons the unit's model learned. */
  sent: number;
  /** Lessons the server refused (a category the unit no longer has), dropped. */
  dropped: number;
  /** Kinds of document that changed and were kept. */
  stored: UnitConfigKind[];
}

/**
 * Sends the queued lessons, oldest first, until the queue is empty or the server cannot be reached.
 * A lesson the request's schema refuses (a text longer than a lesson may be) is dropped before it is
 * sent; a batch the server refuses as invalid (a category the unit no longer has) would be refused
 * at every sync: it is dropped, with a warning, rather than holding back every correction after it.
 */
async function sendLessons(
  db: GomDb,
  serverUrl: string,
  token: string,
  fetch: Fetch,
): Promise<Pick<UnitConfigSyncResult, 'sent' | 'dropped'>> {
  let sent = 0;
  let dropped = 0;
  for (;;) {
    const batch = await pendingLessons(db, MAX_LESSONS);
    if (batch.length === 0) break;
    const seqs = batch.flatMap((lesson) => (lesson.seq === undefined ? [] : [lesson.seq]));
    const lessons = batch.flatMap(({ text, category, kind }) => {
      const lesson = lessonSchema.safeParse({ text, category, ...(kind ? { kind } : {}) });
      return lesson.success ? [lesson.data] : [];
    });
    dropped += batch.length - lessons.length;
    if (lessons.length === 0) {
      await forgetLessons(db, seqs);
      continue;
    }
    try {
      const response = await callServer(fetch, `${serverUrl}/v1/model/lessons`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ lessons }),
      });
      await readJson(response, lessonsResponseSchema);
      sent += lessons.length;
    } catch (error) {
      if (!(error instanceof OfficerError && error.status === 400)) throw error;
      console.warn(`Gom: the server refused ${lessons.length} lessons; they are dropped`, error.message);
      dropped += lessons.length;
    }
    await forgetLessons(db, seqs);
  }
  return { sent, dropped };
}

async function fetchDocument(serverUrl: string, token: string, fetch: Fetch, kind: UnitConfigKind) {
  const response = await callServer(fetch, `${serverUrl}/v1/config/${kind}`, { headers: bearer(token) });
  const row: UnitConfigRow = await readJson(response, configInUseSchema);
  if (row.kind !== kind) throw new OfficerError('badResponse');
  return row;
}

/**
 * After a sync: the officer's corrections to the unit's model, then every document of the unit's
 * configuration back, the model with them (docs/architecture.md, "extension: by area"). Offline
 * first: a document that cannot be fetched leaves the one held, and lessons that cannot be sent
 * stay queued for the next sync. Nothing here touches an item.
 */
export async function syncUnitConfig(
  db: GomDb,
  fetch: Fetch,
  settings: SettingsSource,
): Promise<UnitConfigSyncResult | null> {
  const { serverUrl, token } = await settings();
  if (!serverUrl || !token) return null;
  let outcome = { sent: 0, dropped: 0 };
  try {
    outcome = await sendLessons(db, serverUrl, token, fetch);
  } catch (error) {
    console.warn('Gom: cannot send the corrections to the unit; they wait for the next sync', error);
  }
  const fetched = await Promise.allSettled(unitConfigKinds.map((kind) => fetchDocument(serverUrl, token, fetch, kind)));
  const rows = fetched.flatMap((result, k) => {
    if (result.status === 'fulfilled') return [result.value];
    console.warn(`Gom: cannot fetch the unit's ${unitConfigKinds[k]}; the one held is kept`, result.reason);
    return [];
  });
  return { ...outcome, stored: await adoptUnitConfig(db, rows) };
}
