import { localIsoDate, parsePeriod } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../sync/server-api';
import { fetchTeamReport, reportFileName } from './report-download';

describe('reportFileName', () => {
  it.each([
    ['2026-11', 'bao-cao-thang-2026-11'],
    ['2026-W47', 'bao-cao-tuan-2026-W47'],
    ['2026-Q4', 'bao-cao-quy-2026-Q4'],
    ['2026-H2', 'bao-cao-6-thang-2026-H2'],
    ['2026', 'bao-cao-nam-2026'],
    ['2026-03-01..2026-03-15', 'bao-cao-tu-ngay-2026-03-01-den-2026-03-15'],
  ])('%s → %s, the officer’s own report apart from the unit’s', (id, name) => {
    expect(reportFileName(parsePeriod(id), 'own')).toBe(`${name}-ca-nhan.docx`);
    expect(reportFileName(parsePeriod(id), 'unit')).toBe(`${name}-don-vi.docx`);
  });
});

describe('fetchTeamReport', () => {
  it("asks the server for the unit's report of the period's kind, with the token", async () => {
    const asked: string[] = [];
    const fetch: Fetch = async (url, init) => {
      asked.push(`${String(url)} ${new Headers(init?.headers).get('authorization')}`);
      return new Response(new Uint8Array([80, 75]), { status: 200 });
    };
    const blob = await fetchTeamReport({
      serverUrl: 'https://gom.example',
      token: 't',
      period: parsePeriod('2026-H1'),
      issuedOn: '2026-07-02',
      fetch,
    });
    expect(asked).toEqual(['https://gom.example/v1/reports/half_year/2026-H1.docx?issued=2026-07-02 Bearer t']);
    expect(blob.size).toBe(2);
  });

  it('issues the report on this computer’s today by default', async () => {
    let asked = '';
    const fetch: Fetch = async (url) => {
      asked = String(url);
      return new Response(new Uint8Array([80, 75]), { status: 200 });
    };
    await fetchTeamReport({ serverUrl: 'https://gom.example', token: 't', period: parsePeriod('2026-11'), fetch });
    expect(asked).toBe(`https://gom.example/v1/reports/month/2026-11.docx?issued=${localIsoDate(new Date())}`);
  });

  it('names a refusal in the officer’s words (a member asking for the team report)', async () => {
    const fetch: Fetch = async () => new Response('{}', { status: 403 });
    await expect(
      fetchTeamReport({ serverUrl: 'https://gom.example', token: 't', period: parsePeriod('2026-11'), fetch }),
    ).rejects.toMatchObject({ reason: 'forbidden' });
  });
});
