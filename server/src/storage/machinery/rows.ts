import { type PackedClocks, packClocks, type UnitConfigKind, unpackClocks } from '@gom/shared';
import type {
  AppliedMutation,
  ConfigVersion,
  ConfigVersionInfo,
  PullPage,
  PullPageJson,
  ReportRecord,
  Role,
  StoredItem,
  StoredReportSettings,
  Unit,
  User,
} from '../port';

/**
 * The rows both adapters read, with their snake_case columns, and their mappers to the port's
 * types. What the dialects store differently (a JSON column as text in SQLite, json or jsonb in
 * PostgreSQL) each adapter decodes itself and hands the mapper the value.
 */

/** A row of `units`; `rev` is left out, since only a backup reads it. */
export interface UnitRow {
  id: string;
  name: string;
  parent_agency: string;
  agency: string;
  abbreviation: string;
  place: string;
  created_at: string;
}

export const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  name: r.name,
  parentAgency: r.parent_agency,
  agency: r.agency,
  abbreviation: r.abbreviation,
  place: r.place,
  createdAt: r.created_at,
});

/** A row of `users`, without the token hash that only a backup reads. */
export interface UserRow {
  id: string;
  unit_id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}
export interface UserWithHashRow extends UserRow {
  token_hash: string;
}

export const toUser = (r: UserRow): User => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** A row of `items`; `fields` and `clocks` are JSON text or json, `rev` a number or a bigint string. */
export interface ItemRow {
  id: string;
  rev: number | string;
  author_id: string | null;
  fields: unknown;
  clocks: unknown;
}

/** An item's clocks as its row keeps them: packed, as pulls send them (`packClocks`, docs/sync.md). */
export const storedClocks = (item: Pick<StoredItem, 'fields' | 'clocks'>): PackedClocks =>
  packClocks(item.fields, item.clocks);

/**
 * A row's clocks in the one form rows keep, or undefined when they are in it already: rows written
 * before clocks were packed hold every field's clock, and the migrations of both engines pack them.
 */
export function repackedClocks(fields: StoredItem['fields'], clocks: PackedClocks): PackedClocks | undefined {
  const packed = packClocks(fields, unpackClocks(fields, clocks));
  const keys = Object.keys(packed) as Array<keyof PackedClocks>;
  const same = keys.length === Object.keys(clocks).length && keys.every((key) => clocks[key] === packed[key]);
  return same ? undefined : packed;
}

// PostgreSQL's bigint arrives as a string: revisions stay far below 2^53, so a number is exact.
export const toItem = (r: ItemRow, fields: StoredItem['fields'], clocks: PackedClocks): StoredItem => ({
  id: r.id,
  rev: Number(r.rev),
  authorId: r.author_id,
  fields,
  clocks: unpackClocks(fields, clocks),
});

/** A row of `mutations`. */
export interface MutationRow {
  mutation_id: string;
  client_id: string;
  applied_at: string;
}

export const toMutation = (r: MutationRow): AppliedMutation => ({
  mutationId: r.mutation_id,
  clientId: r.client_id,
  appliedAt: r.applied_at,
});

/** A row of `reports`, the same columns in both adapters; `item_ids` is JSON text or jsonb. */
export interface ReportRow {
  id: string;
  unit_id: string;
  kind: ReportRecord['kind'];
  period_id: string;
  template_id: string;
  format: ReportRecord['format'];
  item_ids: unknown;
  user_id: string;
  created_at: string;
}

export const toReport = (r: ReportRow, itemIds: string[]): ReportRecord => ({
  id: r.id,
  unitId: r.unit_id,
  kind: r.kind,
  periodId: r.period_id,
  templateId: r.template_id,
  format: r.format,
  itemIds,
  userId: r.user_id,
  createdAt: r.created_at,
});

/** A row of `report_settings`; `settings` is JSON text or jsonb. */
export interface SettingsRow {
  kind: StoredReportSettings['kind'];
  settings: unknown;
  updated_by: string;
  updated_at: string;
}

export const toSettings = (r: SettingsRow, settings: StoredReportSettings['settings']): StoredReportSettings => ({
  kind: r.kind,
  settings,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

/** A row of `unit_config`, the same in both adapters: the document is the JSON text as it was sent. */
export interface ConfigRow {
  kind: UnitConfigKind;
  version: number;
  document?: string;
  created_by: string;
  created_at: string;
}

export const toConfigInfo = (r: ConfigRow): ConfigVersionInfo => ({
  kind: r.kind,
  version: Number(r.version),
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toConfig = (r: ConfigRow): ConfigVersion => ({
  ...toConfigInfo(r),
  document: JSON.parse(r.document ?? 'null'),
});

/** One statement's pull page: the items' JSON array text, the last revision in it, whether any follows. */
export interface PullPageRow {
  items: Uint8Array | string;
  last: number | string | null;
  more: number | boolean;
  unit_rev: number | string;
  epoch: string;
}

/**
 * A page's cursor: its last item's revision. An empty page's is `since`, or the unit's revision
 * when that is below `since`: the unit went back in time, and the client must hear of it.
 */
export const pageCursor = (last: number | null, since: number, unitRev: number): number =>
  last === null ? Math.min(since, unitRev) : last;

export const toPullPageJson = (r: PullPageRow, since: number): PullPageJson => ({
  items: typeof r.items === 'string' ? Buffer.from(r.items) : r.items,
  cursor: pageCursor(r.last === null ? null : Number(r.last), since, Number(r.unit_rev)),
  hasMore: Boolean(r.more),
  epoch: r.epoch,
});

/** A page of items for the server's own readers: the wire's JSON parsed, each item's clocks unpacked. */
export const toPullPage = (page: PullPageJson): PullPage => ({
  items: (JSON.parse(Buffer.from(page.items).toString()) as StoredItem[]).map((item) => ({
    ...item,
    clocks: unpackClocks(item.fields, item.clocks),
  })),
  cursor: page.cursor,
  hasMore: page.hasMore,
  epoch: page.epoch,
});
