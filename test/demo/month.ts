import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../e2e/support';

/** The month the demo clips: March 2021, the month of the sample monthly report (`shared/data`). */
export const MONTH = '2021-03';
/** The day the figures and plans are written down: the last working day of the month. */
export const WRITTEN_ON = '2021-03-31';

interface SampleItem {
  id: string;
  report: string;
  kind: 'result' | 'plan' | 'stat';
  lead: string | null;
  text: string;
}

export interface Plan {
  text: string;
  /** The lead the officer types when the form does not find it, so that plans merge as in the sample. */
  lead: string | null;
}

export interface Figure {
  /** The sample item the figure is read from. */
  from: string;
  metric: string;
  value: number;
  /** The text an officer types beside the figure. */
  text: string;
  /** How the sample report writes the figure: the demo checks it is really in the sample's sentence. */
  asWritten: string;
}

/**
 * The figures of the March 2021 report (`002-12-01`, `002-13-01`, `002-13-02`), one item per
 * metric of the unit's catalog, as an officer types them in quick capture.
 */
export const FIGURES: Figure[] = [
  {
    from: '002-12-01',
    metric: 'translation_pages_judicial',
    value: 85,
    text: 'Biên dịch có chứng thực tư pháp',
    asWritten: '85 trang biên dịch có chứng thực tư pháp',
  },
  {
    from: '002-12-01',
    metric: 'translation_pages_centre',
    value: 82,
    text: 'Biên dịch chứng nhận tại Trung tâm',
    asWritten: '82 trang biên dịch chứng nhận tại Trung tâm',
  },
  {
    from: '002-12-01',
    metric: 'translation_pages_content',
    value: 88,
    text: 'Biên dịch nội dung',
    asWritten: '88 trang biên dịch nội dung',
  },
  {
    from: '002-12-01',
    metric: 'translation_pages_revision',
    value: 1,
    text: 'Hiệu đính nội dung',
    asWritten: '01 trang hiệu đính nội dung',
  },
  {
    from: '002-13-01',
    metric: 'legalisation_abroad_dossiers',
    value: 1,
    text: 'Hợp pháp hóa lãnh sự tại cơ quan đại diện ngoại giao nước ngoài',
    asWritten: 'cơ quan đại diện ngoại giao nước ngoài: 01 hồ sơ',
  },
  {
    from: '002-13-02',
    metric: 'consular_certification_dossiers',
    value: 2,
    text: 'Tiếp nhận và xử lý hồ sơ chứng nhận lãnh sự, hợp pháp hóa lãnh sự',
    asWritten: '02 hồ sơ Chứng nhận lãnh sự, Hợp pháp hóa lãnh sự',
  },
  {
    from: '002-13-02',
    metric: 'conference_permit_dossiers',
    value: 4,
    text: 'Tiếp nhận và xử lý hồ sơ cho phép tổ chức hội nghị, hội thảo quốc tế',
    asWritten: '04 hồ sơ cho phép tổ chức hội nghị, hội thảo quốc tế',
  },
];

function sampleItems(): SampleItem[] {
  return readFileSync(join(root, 'shared/data/items.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SampleItem);
}

/** The figures above, each checked against the sample item it comes from. */
export function sampleFigures(): Figure[] {
  const items = new Map(sampleItems().map((item) => [item.id, item]));
  for (const figure of FIGURES) {
    const item = items.get(figure.from);
    if (item?.kind !== 'stat' || !item.text.includes(figure.asWritten)) {
      throw new Error(`The sample item ${figure.from} does not say "${figure.asWritten}"`);
    }
  }
  return FIGURES;
}

/** The plans for April 2021 written down in the March 2021 sample report. */
export function samplePlans(): Plan[] {
  return sampleItems()
    .filter((item) => item.report === 'bao-cao-thang-2021-03.md' && item.kind === 'plan')
    .map((item) => ({ text: item.text, lead: item.lead }));
}
