import { parseMonthPeriod } from '@gom/shared';
import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/auth';
import { problem } from '../problem';
import { monthReportDocx } from '../services/report';
import type { Storage } from '../storage/port';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MONTH_FILE = /^(\d{4}-\d{2})\.docx$/;

export function reportRoutes(storage: Storage) {
  return new Hono<AuthEnv>().get('/month/:file', async (c) => {
    const id = MONTH_FILE.exec(c.req.param('file'))?.[1];
    let period: ReturnType<typeof parseMonthPeriod>;
    try {
      if (!id) throw new RangeError('no month');
      period = parseMonthPeriod(id);
    } catch {
      return problem(c, 404, 'Kỳ báo cáo phải có dạng YYYY-MM.docx / The period must look like YYYY-MM.docx.');
    }
    const docx = await monthReportDocx(storage, c.get('user'), period);
    return c.body(docx as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': DOCX_TYPE,
      'Content-Disposition': `attachment; filename="bao-cao-thang-${period.id}.docx"`,
    });
  });
}
