/** A piece of report text and where it stands, so a finding can point the officer to it. */
export interface LocatedText {
  /** "Phần I › 2. Công tác lãnh sự … › gạch đầu dòng 3", "Câu kết", "Trích yếu" */
  where: string;
  /** Whether the text frames the report (summary, opening, headings, closing) and so names its period. */
  framing: boolean;
  text: string;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  where: string;
  /** Vietnamese, for the officer. */
  message: string;
  /** The words the finding is about, as written. */
  excerpt: string;
}
