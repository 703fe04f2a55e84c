import { defaultTaxonomy, defaultUnitConfig, findTemplate, type ItemRecord } from '@gom/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFormat, ReportJob } from './report-file';
import { ReportWorkers } from './report-workers';

const records: ItemRecord[] = [
  {
    id: 'a',
    authorId: null,
    fields: { text: 'Tổ chức Hội nghị hợp tác với tỉnh bạn Lào.', occurredOn: '2021-03-10', kind: 'result' },
    clocks: {},
  },
  {
    id: 'b',
    authorId: null,
    fields: {
      text: 'Thực hiện 256 trang biên dịch các loại.',
      occurredOn: '2021-03-20',
      kind: 'result',
      category: 'translation_services_tthc',
    },
    clocks: {},
  },
  { id: 'c', authorId: null, fields: { occurredOn: '2021-03-21' }, clocks: {} },
];

const job = (format: ReportFormat, periodId = '2021-03'): ReportJob => ({
  template: findTemplate('so-ngoai-vu')!,
  periodId,
  pages: [new TextEncoder().encode(JSON.stringify(records))],
  unit: defaultTaxonomy.unit,
  settings: {},
  config: defaultUnitConfig,
  issuedOn: '2021-03-31',
  format,
});

/** The .docx's text: its zip carries the time it was written, which differs between any two builds. */
const documentXml = (body: Uint8Array) => strFromU8(unzipSync(body)['word/document.xml']!);

describe('ReportWorkers', () => {
  const workers = new ReportWorkers({ size: 1 });
  const inline = new ReportWorkers({ size: 0 });
  afterAll(() => workers.close());

  it('builds on a worker exactly what the calling thread builds', async () => {
    for (const format of ['txt', 'md', 'html'] as const) {
      const [there, here] = await Promise.all([workers.build(job(format)), inline.build(job(format))]);
      expect(there.body, format).toEqual(here.body);
      expect(there).toMatchObject({ periodId: '2021-03', itemIds: here.itemIds });
    }
    const [there, here] = await Promise.all([workers.build(job('docx')), inline.build(job('docx'))]);
    expect(documentXml(there.body)).toBe(documentXml(here.body));
    expect(documentXml(there.body)).toContain('Thực hiện 256 trang biên dịch các loại.');
    expect(there.itemIds.sort()).toEqual(['a', 'b']);
  });

  it('hands back a refused period as the RangeError it is', async () => {
    const refused = workers.build(job('txt', '2021-Q1'));
    await expect(refused).rejects.toBeInstanceOf(RangeError);
    await expect(refused).rejects.toThrow(/is for a month period, not 2021-Q1/);
  });

  it('queues what is asked beyond its size, and ends its workers on close, starting new ones when asked again', async () => {
    const files = await Promise.all(['2021-01', '2021-02', '2021-03'].map((p) => workers.build(job('txt', p))));
    expect(files.map((f) => f.periodId)).toEqual(['2021-01', '2021-02', '2021-03']);
    // Resolves once every worker has exited.
    await workers.close();
    expect((await workers.build(job('txt'))).itemIds).toHaveLength(2);
  });
});
