import { PeriodTooLongError, reportKindSchema, reportSettingsSchema } from '@gom/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../middleware/auth';
import { requireRole } from '../middleware/roles';
import { problem } from '../problem';
import type { ReportFile } from '../reports/report-file';
import { BuildsBusyError, UnitBuildLimit } from '../reports/unit-build-limit';
import { contentTypes, type ReportFormat, reportFileName, reportFormats, unitReport } from '../services/report';
import { reportedItems, reportHistory } from '../services/report-history';
import { reportSettings, saveReportSettings } from '../services/report-settings';
import type { Storage } from '../storage/port';
import { validate } from '../validate';

const REPORT_FILE = new RegExp(`^(.+)\\.(${reportFormats.join('|')})$`);
const editors = requireRole();

export const historyQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const kindParamSchema = z.object({ kind: reportKindSchema });
export const reportedQuerySchema = z.object({ kind: reportKindSchema.optional(), since: z.iso.datetime().optional() });
const isoDate = (name: string) =>
  z.iso.date({ error: `${name} phải là một ngày YYYY-MM-DD / ${name} must be a date, YYYY-MM-DD` }).optional();
/** `issued`: the date the report is issued, today by default; `asOf`: the last day of data, the issue date by default. */
export const reportQuerySchema = z.object({ issued: isoDate('issued'), asOf: isoDate('asOf') });

/**
 * `GET /v1/reports/{kind}/{period}.{docx,html,txt,md}[?issued=YYYY-MM-DD]`: the unit's team report,
 * for editors and admins, dated the day it is issued; `GET /v1/reports/history`: what was
 * exported; `GET /v1/reports/reported-items`: which items are in an exported report, for every
 * member's side panel.
 */
export function reportRoutes(storage: Storage) {
  const builds = new UnitBuildLimit();
  return new Hono<AuthEnv>()
    .get('/history', editors, validate('query', historyQuerySchema), async (c) => {
      const { limit } = c.req.valid('query');
      return c.json({ reports: await reportHistory(storage, c.get('user').unitId, limit) });
    })
    .get('/reported-items', validate('query', reportedQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const items = await reportedItems(storage, c.get('user').unitId, query);
      // Newest first: the first item's time is the cursor to pass as `since` next time.
      return c.json({ items, cursor: items[0]?.reportedAt ?? query.since ?? null });
    })
    .get('/:kind/:file', validate('query', reportQuerySchema), async (c) => {
      const kind = reportKindSchema.safeParse(c.req.param('kind'));
      const file = REPORT_FILE.exec(c.req.param('file'));
      if (!kind.success || !file) {
        return problem(
          c,
          404,
          `Báo cáo phải có dạng /v1/reports/{${reportKindSchema.options.join('|')}}/{kỳ}.{${reportFormats.join('|')}} / No such report.`,
        );
      }
      const [, periodId, ext] = file as unknown as [string, string, ReportFormat];
      // The month's .docx stays open to every member: the extension's side panel downloads it.
      const legacy = kind.data === 'month' && ext === 'docx';
      if (!legacy) {
        const denied = await editors(c, async () => undefined);
        if (denied) return denied;
      }
      const { issued, asOf } = c.req.valid('query');
      const user = c.get('user');
      let report: ReportFile;
      try {
        report = await builds.run(user.unitId, () =>
          unitReport(storage, user, { kind: kind.data, periodId, format: ext, issued, asOf }),
        );
      } catch (error) {
        if (error instanceof BuildsBusyError) {
          const res = problem(c, 429, error.message);
          res.headers.set('Retry-After', String(error.retryAfterSeconds));
          return res;
        }
        if (error instanceof PeriodTooLongError) return problem(c, 400, error.message);
        if (error instanceof RangeError) return problem(c, 404, error.message);
        throw error;
      }
      return c.body(report.body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': contentTypes[ext],
        'Content-Disposition': `${ext === 'html' ? 'inline' : 'attachment'}; filename="${reportFileName(kind.data, report.periodId, ext)}"`,
      });
    });
}

/** `GET/PUT /v1/report-settings/{kind}`: the unit's header, addressees, recipients, signer and cut-off. */
export function reportSettingsRoutes(storage: Storage) {
  return new Hono<AuthEnv>()
    .use(editors)
    .get('/:kind', validate('param', kindParamSchema), async (c) => {
      const { kind } = c.req.valid('param');
      return c.json({ kind, settings: await reportSettings(storage, c.get('user').unitId, kind) });
    })
    .put('/:kind', validate('param', kindParamSchema), validate('json', reportSettingsSchema), async (c) => {
      const { kind } = c.req.valid('param');
      const settings = c.req.valid('json');
      await saveReportSettings(storage, c.get('user'), kind, settings);
      return c.json({ kind, settings });
    });
}
