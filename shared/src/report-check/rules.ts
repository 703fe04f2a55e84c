import { nextPeriod, type Period } from '../periods/period';
import { nextPeriodTitle, periodTitle } from '../periods/wording';
import type { Finding, LocatedText } from './paragraph';

/** A check over the report's texts; each finding says where. */
export interface TextRule {
  id: string;
  check(texts: LocatedText[], period: Period): Finding[];
}

const MONTH_MENTION = /\btháng\s+(\d{1,2})\/(\d{4})\b/giu;
const QUARTER_MENTION = /\bquý\s+([IV]{1,3})\/(\d{4})\b/gu;
const YEAR_MENTION = /\bnăm\s+(\d{4})\b/giu;

/**
 * The period named in the framing texts must be the report's or the next one: hand-typed periods
 * are how the sample March 2021 report came to close with "tháng 3/2020".
 */
const wrongPeriod: TextRule = {
  id: 'wrong-period',
  check(texts, period) {
    const next = nextPeriod(period);
    const allowedTitles = new Set([periodTitle(period), nextPeriodTitle(period, next)].map((t) => t.toLowerCase()));
    const allowedYears = new Set([period.year, next?.year ?? period.year, Number(period.from.slice(0, 4))]);
    const findings: Finding[] = [];
    for (const { where, framing, text } of texts) {
      if (!framing) continue;
      for (const m of text.matchAll(MONTH_MENTION)) {
        const title = `tháng ${Number(m[1])}/${m[2]}`;
        const ok = period.kind === 'month' ? allowedTitles.has(title) : allowedYears.has(Number(m[2]));
        if (!ok) findings.push(wrongPeriodFinding(where, m[0], periodTitle(period)));
      }
      for (const m of [...text.matchAll(QUARTER_MENTION), ...text.matchAll(YEAR_MENTION)]) {
        if (!allowedYears.has(Number(m[2] ?? m[1])))
          findings.push(wrongPeriodFinding(where, m[0], periodTitle(period)));
      }
    }
    return findings;
  },
};

function wrongPeriodFinding(where: string, excerpt: string, expected: string): Finding {
  return {
    rule: 'wrong-period',
    severity: 'error',
    where,
    message: `Kỳ báo cáo ghi "${excerpt}" nhưng báo cáo là ${expected}.`,
    excerpt,
  };
}

// Words that follow a count in these reports; a four-digit number before them is a count, not a year.
const COUNT_UNITS = 'trang|hồ sơ|giờ|người|lượt|văn bản|đoàn|trường hợp|bản|cuộc|nhiệm vụ|hội nghị|USD|đồng|triệu|tỷ';
const UNGROUPED = new RegExp(`(?<![\\d./-])(\\d{4,})(?=\\s+(?:${COUNT_UNITS})(?![\\p{L}]))`, 'giu');
const DECIMAL_POINT = new RegExp(`(?<![\\d./-])(\\d+\\.\\d{1,2})(?=\\s+(?:${COUNT_UNITS})(?![\\p{L}]))`, 'giu');

/** Nghị định 30's number style: "1.107 trang", "15,5 giờ" — not "1107 trang" nor "15.5 giờ". */
const numberFormat: TextRule = {
  id: 'number-format',
  check(texts) {
    const findings: Finding[] = [];
    for (const { where, text } of texts) {
      for (const m of text.matchAll(UNGROUPED)) {
        const grouped = Number(m[1]).toLocaleString('vi-VN');
        findings.push({
          rule: 'number-format',
          severity: 'warning',
          where,
          message: `Số "${m[1]}" nên viết có dấu chấm phân cách hàng nghìn: "${grouped}".`,
          excerpt: m[1]!,
        });
      }
      for (const m of text.matchAll(DECIMAL_POINT)) {
        findings.push({
          rule: 'number-format',
          severity: 'warning',
          where,
          message: `Số thập phân "${m[1]}" nên dùng dấu phẩy: "${m[1]!.replace('.', ',')}".`,
          excerpt: m[1]!,
        });
      }
    }
    return findings;
  },
};

// "tháng 06/2024": months 3–12 take no leading zero (only 1 and 2 do).
const PADDED_MONTH = /\b(?:tháng\s+|\d{1,2}\/)(0[3-9])\/\d{4}\b/giu;

const datePadding: TextRule = {
  id: 'date-padding',
  check(texts) {
    return texts.flatMap(({ where, text }) =>
      [...text.matchAll(PADDED_MONTH)].map(
        (m): Finding => ({
          rule: 'date-padding',
          severity: 'warning',
          where,
          message: `Tháng ${Number(m[1])} không viết số 0 ở đầu: "${m[0].replace(`${m[1]}/`, `${Number(m[1])}/`)}".`,
          excerpt: m[0],
        }),
      ),
    );
  },
};

// Open "oa", "oe", "uy" rhymes carry the tone on the first or on the second vowel; "qu" is an onset,
// so "quý", "quỹ" are the same in both styles and say nothing.
const TONE_ON_SECOND = /(?<!q)(?:o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ])(?![\p{L}])/giu;
const TONE_ON_FIRST = /(?<!q)(?:[óòỏõọ][ae]|[úùủũụ]y)(?![\p{L}])/giu;

/** One tone-placement style throughout: "hoá" beside "hóa" reads as careless. */
const tonePlacement: TextRule = {
  id: 'tone-placement',
  check(texts) {
    const second = texts.flatMap((t) =>
      [...t.text.matchAll(wordAround(TONE_ON_SECOND))].map((m) => ({ t, word: m[0] })),
    );
    const first = texts.flatMap((t) => [...t.text.matchAll(wordAround(TONE_ON_FIRST))].map((m) => ({ t, word: m[0] })));
    if (second.length === 0 || first.length === 0) return [];
    const [minority, majorityWord] =
      second.length <= first.length ? [second, first[0]!.word] : [first, second[0]!.word];
    return minority.map(({ t, word }) => ({
      rule: 'tone-placement',
      severity: 'warning',
      where: t.where,
      message: `"${word}" đặt dấu khác kiểu với phần còn lại của báo cáo (như "${majorityWord}").`,
      excerpt: word,
    }));
  },
};

function wordAround(rhyme: RegExp): RegExp {
  return new RegExp(`[\\p{L}]*(?:${rhyme.source})`, 'giu');
}

/** The checks, in the order an officer would read the findings. */
export const textRules: TextRule[] = [wrongPeriod, numberFormat, datePadding, tonePlacement];
