import type { ItemKind } from '../item';
import type { PeriodKind } from '../periods/period';

/**
 * The report as one plain tree: every renderer (docx, html, text, markdown) lays out this and
 * nothing else.
 */
export interface ReportModel {
  /** The period reported on, as computed: renderers name files by it, the history keeps it. */
  period: {
    kind: PeriodKind;
    id: string;
    from: string;
    to: string;
    /** "tháng 3/2021", "quý I/2025", "năm 2023" */
    title: string;
    /** "10 tháng đầu năm 2023" when the report is written before its period ends; null otherwise. */
    dataReach: string | null;
  };
  /** The ids of the items the report lists: what the history records as reported. */
  itemIds: string[];
  header: {
    /** "UBND TỈNH HÀ TĨNH" — may be empty for a unit with no parent agency. */
    parentAgency: string;
    /** "SỞ NGOẠI VỤ" */
    agency: string;
    /** "Số:      /BC-SNgV": the number itself is left blank for the registry to fill after signing. */
    numberLine: string;
    nationalTitle: string;
    motto: string;
    /** "Hà Tĩnh, ngày 05 tháng 3 năm 2025" */
    placeAndDate: string;
  };
  /** "BÁO CÁO" */
  documentType: string;
  /** "Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021" */
  summary: string;
  /** One line each: "Văn phòng Ủy ban nhân dân tỉnh." */
  addressees: string[];
  opening: string;
  parts: ReportPart[];
  /**
   * The template's parts that list items but had none this period ("II. KẾ HOẠCH TRỌNG TÂM THÁNG
   * 4/2021" without plans): left out of the report, with the clauses that announce them, and named
   * here so that the check can say what is missing.
   */
  omittedParts: Array<{ heading: string; kinds: ItemKind[] }>;
  /**
   * Notes at the foot of the page, in reading order (their numbers are their places in this list
   * plus one); each hangs on one bullet, whose renderers put its mark before the bullet's full stop.
   */
  footnotes: ReportFootnote[];
  /** The last sentence, ending with "./." */
  closing: string;
  /** "Như trên;" … "Lưu: VT, VPTTr." — without the leading "- ". */
  recipients: string[];
  signer: { authority: string; title: string; name: string };
}

export interface ReportPart {
  /** "I. KẾT QUẢ THỰC HIỆN" */
  heading: string;
  sections: ReportSection[];
}

export interface ReportSection {
  /** "1. Hoạt động hợp tác quốc tế", or null for a part without numbered sections. */
  heading: string | null;
  /** Each a paragraph that the renderer prefixes with "- ". */
  bullets: string[];
  /**
   * A heading over the numbered sub-sections that follow it ("2. Kết quả trên các lĩnh vực" over
   * 2.1, 2.2 …): it has no bullets of its own, and that is not an empty section.
   */
  opensGroup?: true;
}

/** A footnote and the bullet it hangs on, by its indexes in `parts`, `sections` and `bullets`. */
export interface ReportFootnote {
  part: number;
  section: number;
  bullet: number;
  text: string;
}
