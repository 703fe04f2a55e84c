import {
  itemClocksSchema,
  itemFieldsSchema,
  reportKindSchema,
  reportSettingsSchema,
  unitConfigKindSchema,
  unitConfigSchemas,
} from '@gom/shared';
import { z } from 'zod';
import { DuplicateError, roles, type Storage, type UnitSnapshot } from '../storage/port';

const FORMAT = 'gom-unit-backup';
/** 2 added the report settings, the report history and the configuration versions; 1 still reads. */
const VERSION = 2;

const isoTime = z.iso.datetime();

/** The backup file: the unit's whole state, validated on import like any other input. */
export const unitBackupSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(VERSION)]),
  unit: z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: z.string().min(1),
    parentAgency: z.string(),
    agency: z.string(),
    abbreviation: z.string(),
    place: z.string(),
    createdAt: isoTime,
    rev: z.number().int().nonnegative(),
  }),
  users: z.array(
    z.strictObject({
      id: z.string().min(1),
      unitId: z.string(),
      name: z.string().min(1),
      role: z.enum(roles),
      createdAt: isoTime,
      revokedAt: isoTime.nullable(),
      tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  items: z.array(
    z.strictObject({
      id: z.uuid(),
      rev: z.number().int().positive(),
      authorId: z.string().nullable(),
      fields: itemFieldsSchema.partial(),
      clocks: itemClocksSchema,
    }),
  ),
  mutations: z.array(
    z.strictObject({ mutationId: z.string().min(1), clientId: z.string().min(1), appliedAt: isoTime }),
  ),
  reportSettings: z
    .array(
      z.strictObject({
        kind: reportKindSchema,
        settings: reportSettingsSchema,
        updatedBy: z.string().min(1),
        updatedAt: isoTime,
      }),
    )
    .default([]),
  reports: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        unitId: z.string(),
        kind: reportKindSchema,
        periodId: z.string().min(1),
        templateId: z.string().min(1),
        format: z.enum(['docx', 'html', 'txt', 'md']),
        itemIds: z.array(z.string()),
        userId: z.string().min(1),
        createdAt: isoTime,
      }),
    )
    .default([]),
  config: z
    .array(
      z
        .strictObject({
          kind: unitConfigKindSchema,
          version: z.number().int().positive(),
          document: z.unknown(),
          createdBy: z.string().min(1),
          createdAt: isoTime,
        })
        .superRefine((entry, ctx) => {
          // A configuration restored is one the server will build reports with: it is checked as a PUT is.
          const result = unitConfigSchemas[entry.kind].safeParse(entry.document);
          for (const issue of result.error?.issues ?? []) {
            ctx.addIssue({ code: 'custom', path: ['document', ...issue.path], message: issue.message });
          }
        }),
    )
    .default([]),
});
export type UnitBackup = z.infer<typeof unitBackupSchema>;

// Sorted keys make the file the same text whichever adapter wrote it (PostgreSQL's jsonb reorders
// keys), so two backups of the same state can be compared with `diff`.
function sortedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/** The same at every depth, for documents kept as jsonb (the report settings). */
function deepSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepSortedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return sortedKeys(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepSortedKeys(v)]))) as T;
}

export async function exportUnit(storage: Storage, unitId: string): Promise<UnitBackup> {
  const snapshot = await storage.exportUnit(unitId);
  if (!snapshot) throw new Error(`Không có đơn vị ${unitId} / No unit ${unitId}.`);
  // Written out field by field: the order of the file does not depend on the adapter's.
  return {
    format: FORMAT,
    version: VERSION,
    unit: snapshot.unit,
    users: snapshot.users,
    items: snapshot.items.map((item) => ({
      id: item.id,
      rev: item.rev,
      authorId: item.authorId,
      fields: sortedKeys(item.fields),
      clocks: sortedKeys(item.clocks),
    })),
    mutations: snapshot.mutations,
    reportSettings: snapshot.reportSettings.map((r) => ({ ...r, settings: deepSortedKeys(r.settings) })),
    reports: snapshot.reports,
    config: snapshot.config,
  };
}

/** Restores a backup into a database that does not hold its unit yet. */
export async function importUnit(storage: Storage, input: unknown): Promise<UnitSnapshot> {
  const parsed = unitBackupSchema.safeParse(input);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`Tệp sao lưu không hợp lệ / The backup file is invalid: ${where}`);
  }
  const { format: _format, version: _version, ...snapshot } = parsed.data;
  const stray = snapshot.users.find((u) => u.unitId !== snapshot.unit.id);
  if (stray) throw new Error(`Người dùng ${stray.id} thuộc đơn vị khác / User ${stray.id} belongs to another unit.`);
  const strayReport = snapshot.reports.find((r) => r.unitId !== snapshot.unit.id);
  if (strayReport) {
    throw new Error(`Báo cáo ${strayReport.id} thuộc đơn vị khác / Report ${strayReport.id} belongs to another unit.`);
  }
  const versions = new Set(snapshot.config.map((c) => `${c.kind} ${c.version}`));
  if (versions.size !== snapshot.config.length) {
    throw new Error('Một phiên bản cấu hình xuất hiện hai lần / A configuration version appears twice.');
  }
  try {
    await storage.importUnit(snapshot);
  } catch (error) {
    if (error instanceof DuplicateError) {
      throw new Error(
        `Đơn vị ${snapshot.unit.id} đã có trong cơ sở dữ liệu này / Unit ${snapshot.unit.id} already exists in this database.`,
      );
    }
    throw error;
  }
  return snapshot;
}
