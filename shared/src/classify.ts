import { CATCH_ALL_CATEGORY } from './taxonomy';
import { canonicalText } from './text';

/** One rule of the first guess: a category and the phrases that give it away. */
export interface KeywordRule {
  category: string;
  keywords: string[];
}

/**
 * The default unit's first guess, ordered as a chief of office would check a line: services and
 * procedures are unmistakable, then delegations and consular work, then the office's own
 * business, then cooperation; first match wins and the catch-all closes the list.
 */
export const defaultKeywordRules: KeywordRule[] = [
  {
    category: 'translation_services_tthc',
    keywords: [
      'biên dịch',
      'dịch thuật',
      'phiên dịch',
      'hợp pháp hóa',
      'chứng nhận lãnh sự',
      'hộ chiếu',
      'thị thực',
      'thủ tục hành chính',
      'tthc',
      'công hàm',
    ],
  },
  {
    category: 'directive_followup',
    keywords: ['ý kiến chỉ đạo', 'nhiệm vụ được giao', 'nhiệm vụ ubnd tỉnh giao'],
  },
  {
    category: 'delegations_consular',
    keywords: [
      'đoàn ra',
      'đoàn vào',
      'nhập cảnh',
      'xuất cảnh',
      // Not "lãnh sự" alone: "Tổng Lãnh sự quán Lào" is a partner of cooperation, not consular work.
      'công tác lãnh sự',
      'biên giới',
      'kiều bào',
      'người việt nam ở nước ngoài',
      'bảo hộ công dân',
      'nhân thân',
      'người nước ngoài',
      'lao động nước ngoài',
      'đội mia',
      'mia',
      'cử đoàn',
      'đoàn cán bộ',
      'đoàn công tác đi',
      'thông tin đối ngoại',
    ],
  },
  {
    category: 'office_admin',
    keywords: [
      'thi đua',
      'khen thưởng',
      'kỷ niệm chương',
      'cải cách hành chính',
      'cchc',
      'thanh tra',
      'khiếu nại',
      'tố cáo',
      'tham nhũng',
      'thi hành pháp luật',
      'văn bản quy phạm pháp luật',
      'vi phạm hành chính',
      'tài sản, thu nhập',
      'đoàn tncs',
      'đoàn viên',
      'đảng bộ',
      'tổ chức bộ máy',
      'biên chế',
    ],
  },
  {
    category: 'intl_cooperation',
    keywords: [
      'hợp tác',
      'quốc tế',
      'phi chính phủ',
      'viện trợ',
      'xúc tiến đầu tư',
      'đại sứ',
      'lào',
      'nhật bản',
      'hàn quốc',
      'thái lan',
      'đối ngoại',
    ],
  },
];

export interface CategoryGuess {
  category: string;
  /** The phrase that decided it; null when the catch-all did. */
  matched: string | null;
}

/** The category of a text by the first rule whose phrase it contains, else the catch-all. */
export function guessCategory(text: string, rules: KeywordRule[] = defaultKeywordRules): CategoryGuess {
  const canonical = ` ${canonicalText(text).replace(/[^\p{L}\p{N},]+/gu, ' ')} `;
  for (const rule of rules) {
    for (const keyword of rule.keywords) {
      if (canonical.includes(` ${canonicalText(keyword)} `)) return { category: rule.category, matched: keyword };
    }
  }
  return { category: CATCH_ALL_CATEGORY, matched: null };
}
