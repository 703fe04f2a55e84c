/**
 * The report as one plain tree: every renderer (docx now; html, text, markdown later) lays out
 * this and nothing else.
 */
export interface ReportModel {
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
}
