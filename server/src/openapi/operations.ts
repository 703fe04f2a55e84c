import {
  lessonsRequestSchema,
  lessonsResponseSchema,
  meResponseSchema,
  pastReportLearnedSchema,
  pastReportUploadSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  reportSettingsSchema,
} from '@gom/shared';
import { z } from 'zod';
import { kindParamSchema as configKindParamSchema, versionParamSchema } from '../routes/config';
import {
  historyQuerySchema,
  reportedQuerySchema,
  kindParamSchema as reportKindParamSchema,
  reportQuerySchema,
} from '../routes/reports';

/**
 * Every route `createApp` mounts, with the zod schemas its handler validates with: the OpenAPI
 * document is generated from these (`document.ts`), and a test checks that no mounted route is
 * missing and that each example passes its schema.
 */
export interface Operation {
  method: 'get' | 'post' | 'put';
  /** OpenAPI's form, `{param}`. */
  path: string;
  summary: string;
  /** `bearer`: a user's token (401 without it); `metrics`: loopback, or the metrics token. */
  auth: 'bearer' | 'none' | 'metrics';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  /** The success answer: JSON by its schema, or a file by its content types. */
  response: { description: string; schema?: z.ZodType; example?: unknown; contentTypes?: string[] };
  /** The problem-details answers besides 401 and 429, which every bearer route may give. */
  errors: number[];
}

const healthSchema = z.union([
  z.object({ status: z.literal('ok') }),
  z.object({ status: z.literal('unavailable'), reason: z.enum(['database-unreachable', 'disk-full']) }),
]);
const jsonObject = z.record(z.string(), z.unknown());
const reportFileParams = z.object({
  kind: z.string().meta({ description: 'month, quarter, half-year, nine-months, year, week, custom' }),
  file: z.string().meta({ description: 'period.format, as `2025-03.docx`, `2025-Q1.html`, `2025.txt`, `2025-W12.md`' }),
});
const ITEM = '3f6c2a9e-8d41-4b7a-9c35-2e1f0a6b7d58';
const HLC = '1741000000000-0000-clientA';

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/v1/health',
    summary: 'Whether the server can serve: it asks the database (503 with the reason when not).',
    auth: 'none',
    response: { description: 'The server can serve.', schema: healthSchema, example: { status: 'ok' } },
    errors: [503],
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: "The token's user and unit.",
    auth: 'bearer',
    response: {
      description: 'Who the token names.',
      schema: meResponseSchema,
      example: { user: { id: 'u1', name: 'Chuyên viên', role: 'member' }, unit: { id: 'SNgV', name: 'Sở Ngoại vụ' } },
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/sync/push',
    summary: 'Apply a batch of mutations, whole or not at all (per-field last-writer-wins by HLC, docs/sync.md).',
    auth: 'bearer',
    body: pushRequestSchema,
    bodyExample: {
      clientId: 'clientA',
      mutations: [{ mutationId: 'mut00000001', itemId: ITEM, hlc: HLC, set: { text: 'Tiếp đoàn công tác' } }],
    },
    response: {
      description: 'Applied and on disk.',
      schema: pushResponseSchema,
      example: { applied: ['mut00000001'], cursor: 42, authorId: 'u1', unitId: 'SNgV', epoch: 'e1' },
    },
    errors: [400, 413, 503],
  },
  {
    method: 'get',
    path: '/v1/sync/pull',
    summary: "A page of the unit's items changed since a cursor.",
    auth: 'bearer',
    query: pullQuerySchema,
    response: {
      description: 'The page, its cursor, and whether more follows.',
      schema: pullResponseSchema,
      example: {
        items: [{ id: ITEM, rev: 42, authorId: 'u1', fields: { text: 'Tiếp đoàn công tác' }, clocks: { '*': HLC } }],
        cursor: 42,
        hasMore: false,
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/reports/history',
    summary: 'The reports exported (editors).',
    auth: 'bearer',
    query: historyQuerySchema,
    response: { description: 'The latest first.', schema: z.object({ reports: z.array(jsonObject) }) },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/v1/reports/reported-items',
    summary: 'Which items are in an exported report.',
    auth: 'bearer',
    query: reportedQuerySchema,
    response: { description: 'The items and their reports.', schema: z.object({ items: z.array(jsonObject) }) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/v1/reports/{kind}/{file}',
    summary: "The unit's team report of a period (editors; a month's .docx for every member).",
    auth: 'bearer',
    params: reportFileParams,
    query: reportQuerySchema,
    response: {
      description: 'The report file.',
      contentTypes: [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/html',
        'text/plain',
        'text/markdown',
      ],
    },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/v1/report-settings/{kind}',
    summary: 'The header, addressee, recipients and signer of a report kind (editors).',
    auth: 'bearer',
    params: reportKindParamSchema,
    response: { description: 'The settings.', schema: z.object({ kind: z.string(), settings: jsonObject }) },
    errors: [400, 403],
  },
  {
    method: 'put',
    path: '/v1/report-settings/{kind}',
    summary: "Replace a report kind's settings (editors).",
    auth: 'bearer',
    params: reportKindParamSchema,
    body: reportSettingsSchema,
    response: { description: 'The settings stored.', schema: z.object({ kind: z.string(), settings: jsonObject }) },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/v1/config/{kind}',
    summary: "The unit's configuration document in use (null version: the built-in one).",
    auth: 'bearer',
    params: configKindParamSchema,
    response: { description: 'The document in use.', schema: jsonObject },
    errors: [400],
  },
  {
    method: 'put',
    path: '/v1/config/{kind}',
    summary: 'Store a new version of a configuration document (admins); a 400 lists what is wrong.',
    auth: 'bearer',
    params: configKindParamSchema,
    body: jsonObject,
    response: { description: 'The version stored.', schema: jsonObject },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/v1/config/{kind}/versions',
    summary: "A configuration document's versions (admins).",
    auth: 'bearer',
    params: configKindParamSchema,
    response: { description: 'The versions.', schema: z.object({ kind: z.string(), versions: z.array(jsonObject) }) },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/v1/config/{kind}/versions/{version}',
    summary: 'One stored version of a configuration document (admins).',
    auth: 'bearer',
    params: versionParamSchema,
    response: { description: 'The version.', schema: jsonObject },
    errors: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/v1/model/lessons',
    summary: "An officer's corrections, learned by the unit's model in order (read it at /v1/config/model).",
    auth: 'bearer',
    body: lessonsRequestSchema,
    bodyExample: { lessons: [{ text: 'Góp ý xử lý tài sản của Trung tâm MSI', category: 'intl_cooperation' }] },
    response: {
      description: "The model's new version.",
      schema: lessonsResponseSchema,
      example: { version: 3, learned: 120 },
    },
    errors: [400],
  },
  {
    method: 'post',
    path: '/v1/model/reports',
    summary: 'A report the unit issued before, learned (editors); the headings it could not place are named.',
    auth: 'bearer',
    body: pastReportUploadSchema,
    bodyExample: { name: 'bao-cao-thang-3.md', content: 'LSBUaGFtIG3GsHUgVUJORCB04buJbmgu' },
    response: {
      description: "The model's new version and what the report taught.",
      schema: pastReportLearnedSchema,
      example: { version: 4, learned: 161, lessons: 41, leads: 2, unmapped: [] },
    },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document.',
    auth: 'none',
    response: { description: 'OpenAPI 3.1.', schema: jsonObject },
    errors: [],
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus text format; from this machine, or with the metrics token (docs/deploy.md).',
    auth: 'metrics',
    response: { description: 'The series.', contentTypes: ['text/plain; version=0.0.4'] },
    errors: [403],
  },
];
