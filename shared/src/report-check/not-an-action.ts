import type { ReportModel } from '../report/model';
import { canonicalText } from '../text';
import type { Finding } from './paragraph';

// The labels of a document's page and of its footer (Nghị định 30, Phụ lục I): words a capture can
// take for a line of work, which a report must never print as one.
const LABELS = new Set(
  [
    'nơi nhận',
    'kính gửi',
    'lưu',
    'lưu vt',
    'số ký hiệu',
    'số kí hiệu',
    'ký hiệu',
    'số',
    'ngày ban hành',
    'ngày đến',
    'trích yếu',
    'trích yếu nội dung',
    'người ký',
    'người kí',
    'cơ quan ban hành',
    'nơi gửi',
    'hạn xử lý',
    'độ khẩn',
    'loại văn bản',
    'tệp đính kèm',
    'ghi chú',
    'stt',
    'thao tác',
  ].map(canonicalText),
);

/** Whether a bullet says nothing done: a bare label ("nơi nhận."), or fewer than two words. */
export function isNotAnAction(text: string): boolean {
  const bare = canonicalText(text)
    .replace(/[\s.:;,\-–—/()]+$/u, '')
    .replace(/^[\s\-–—+•*]+/u, '');
  const words = bare.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  return LABELS.has(bare) || words.length < 2;
}

/** Bullets that are not an action, each pointed to where it stands. */
export function nonActionBullets(model: ReportModel): Finding[] {
  const findings: Finding[] = [];
  for (const part of model.parts) {
    for (const section of part.sections) {
      const place = section.heading ? `${part.heading} › ${section.heading}` : part.heading;
      section.bullets.forEach((text, i) => {
        if (!isNotAnAction(text)) return;
        findings.push({
          rule: 'not-an-action',
          severity: 'error',
          where: `${place} › gạch đầu dòng ${i + 1}`,
          message: `Gạch đầu dòng "${text}" không nêu việc đã làm (có thể là nhãn lấy nhầm từ trang văn bản).`,
          excerpt: text,
        });
      });
    }
  }
  return findings;
}
