import type { Period } from '../periods/period';
import type { ReportModel } from '../report/model';
import { nonActionBullets } from './not-an-action';
import type { Finding, LocatedText } from './paragraph';
import { textRules } from './rules';

/** The report's texts in reading order, each with where it stands. */
export function locatedTexts(model: ReportModel): LocatedText[] {
  const texts: LocatedText[] = [
    { where: 'Trích yếu', framing: true, text: model.summary },
    { where: 'Câu mở đầu', framing: true, text: model.opening },
  ];
  for (const part of model.parts) {
    texts.push({ where: part.heading, framing: true, text: part.heading });
    for (const section of part.sections) {
      const place = section.heading ? `${part.heading} › ${section.heading}` : part.heading;
      if (section.heading) texts.push({ where: place, framing: true, text: section.heading });
      section.bullets.forEach((text, i) => {
        texts.push({ where: `${place} › gạch đầu dòng ${i + 1}`, framing: false, text });
      });
    }
  }
  texts.push({ where: 'Câu kết', framing: true, text: model.closing });
  model.footnotes.forEach((note, i) => {
    texts.push({ where: `Chú thích ${i + 1}`, framing: false, text: note.text });
  });
  return texts;
}

/** What officers get wrong, checked before export; each finding says where it is. */
export function checkTexts(texts: LocatedText[], period: Period): Finding[] {
  return textRules.flatMap((rule) => rule.check(texts, period));
}

export function checkReport(model: ReportModel, period: Period): Finding[] {
  const findings: Finding[] = [];
  for (const part of model.parts) {
    for (const section of part.sections) {
      // A group heading ("2. Kết quả trên các lĩnh vực") carries its sub-sections, not bullets.
      if (section.bullets.length === 0 && !section.opensGroup) {
        findings.push({
          rule: 'empty-section',
          severity: 'warning',
          where: section.heading ? `${part.heading} › ${section.heading}` : part.heading,
          message: 'Mục này chưa có nội dung.',
          excerpt: section.heading ?? part.heading,
        });
      }
    }
  }
  // A report without plans leaves out their part and every clause announcing them; the officer
  // should know before she sends it that the next period's plans are not in it.
  for (const part of model.omittedParts) {
    if (!part.kinds.includes('plan')) continue;
    findings.push({
      rule: 'missing-plans',
      severity: 'warning',
      where: part.heading,
      message:
        'Báo cáo chưa có kế hoạch kỳ sau: phần này đã được bỏ ra, trích yếu và câu mở đầu không nhắc đến kế hoạch. Ghi các việc loại "Nhiệm vụ tới" nếu báo cáo cần phần này.',
      excerpt: part.heading,
    });
  }
  // Nghị định 30: the body's last sentence ends with "./.".
  if (!model.closing.trimEnd().endsWith('./.')) {
    findings.push({
      rule: 'missing-end-mark',
      severity: 'error',
      where: 'Câu kết',
      message: 'Câu cuối của báo cáo phải kết thúc bằng "./.".',
      excerpt: model.closing.slice(-40),
    });
  }
  return [...checkTexts(locatedTexts(model), period), ...nonActionBullets(model), ...findings];
}
