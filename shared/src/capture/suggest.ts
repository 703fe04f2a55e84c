import { canonicalText, cleanText } from '../text';
import type { DocumentMetadata } from './metadata';

/** A proposed item: the lead it merges under and its sentence, which starts with the lead. */
export interface SuggestedItem {
  lead: string | null;
  text: string;
}

export interface SuggestOptions {
  /**
   * Leads a unit gives the công văn of one drafting unit (the segment after the issuer in
   * `226/SNgV-VPTTr`), as its reports group them.
   */
  leadByDraftingUnit?: Readonly<Record<string, string>>;
}

const PROVINCIAL_COMMITTEE = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh$/iu;
const PARTY_OR_COUNCIL = /Tỉnh\s+[uủ][ỷy]|HĐND|Hội đồng nhân dân/iu;
const OWN_DEPARTMENTS = /trực thuộc Sở|^các phòng/iu;
const MINISTRY = /^Bộ\s/u;

export const documentLeads = {
  advise: 'Tham mưu UBND tỉnh',
  adviseLeadership: 'Tham mưu Thường trực Tỉnh uỷ, Hội đồng nhân dân tỉnh',
  sentToAgencies: 'Văn bản gửi các cơ quan, đơn vị liên quan về việc',
  reportToAgencies: 'Báo cáo gửi các cơ quan, đơn vị liên quan về',
  report: 'Báo cáo',
  issue: 'Ban hành',
} as const;

function lowerFirst(text: string): string {
  // An abbreviation or a name ("ISO", "Kế hoạch" as a title) keeps its capital; a verb does not.
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^(?:Kế hoạch|Quyết định|Dự án|Đề án|Nghị quyết)\b/u.test(text)
    ? text[0]!.toLowerCase() + text.slice(1)
    : text;
}

/**
 * The subject of a document as a report retells it: without `V/v`, without the type word and
 * "về việc (ban hành)" of a tờ trình or báo cáo; "đề nghị cho phép" is just "cho phép" once the
 * lead says who is asked.
 */
export function retellSummary(summary: string, type: string | null): string {
  let text = cleanText(summary).replace(/[.;,\s]+$/u, '');
  text = text.replace(/^V\/v\s*:?\s*/iu, '');
  if (type && type !== 'Kế hoạch' && type !== 'Quyết định') {
    const word = new RegExp(`^${type}\\s+`, 'iu');
    text = text.replace(word, '');
  }
  text = text.replace(/^về việc\s+(?:ban hành\s+)?/iu, '').replace(/^đề nghị\s+(?=cho phép\b)/iu, '');
  return lowerFirst(text);
}

function draftingUnit(reference: string | null): string | null {
  const match = reference ? /^\d+\/[^/-]+-([^/]+)$/u.exec(reference) : null;
  return match?.[1] ?? null;
}

function leadOf(document: DocumentMetadata, options: SuggestOptions): string | null {
  const recipients = document.recipients ?? [];
  const toCommittee = recipients.some((r) => PROVINCIAL_COMMITTEE.test(r));
  const toLeadership = recipients.some((r) => PARTY_OR_COUNCIL.test(r));
  const internal = recipients.length > 0 && recipients.some((r) => OWN_DEPARTMENTS.test(r));
  switch (document.type) {
    case 'Tờ trình':
      if (toLeadership && !toCommittee) return documentLeads.adviseLeadership;
      return documentLeads.advise;
    case 'Kế hoạch':
    case 'Quyết định':
      return documentLeads.issue;
    case 'Báo cáo':
      if (toCommittee || toLeadership || recipients.some((r) => MINISTRY.test(r))) return documentLeads.report;
      return documentLeads.reportToAgencies;
    case 'Công văn': {
      if (internal) return documentLeads.issue;
      if (toCommittee) return documentLeads.advise;
      const unit = draftingUnit(document.reference);
      return (unit && options.leadByDraftingUnit?.[unit]) || documentLeads.sentToAgencies;
    }
    default:
      return null;
  }
}

function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The item an officer would write for a document. A sent document becomes what the unit did
 * (the lead from its type and recipients, then its subject retold); a received one becomes the
 * task of carrying it out.
 */
export function suggestItem(document: DocumentMetadata, options: SuggestOptions = {}): SuggestedItem | null {
  if (!document.summary && !document.reference) return null;
  const subject = document.summary ? retellSummary(document.summary, document.type) : '';
  if (document.direction === 'incoming') {
    const cited = [
      document.type ?? 'Văn bản',
      document.reference ? `số ${document.reference}` : null,
      document.issuedOn ? `ngày ${ddmmyyyy(document.issuedOn)}` : null,
      document.issuer ? `của ${document.issuer}` : null,
      subject ? `về việc ${subject}` : null,
    ].filter(Boolean);
    return { lead: null, text: `Triển khai thực hiện ${lowerFirst(cited.join(' '))}.` };
  }
  const lead = leadOf(document, options);
  const internalLetter = lead === documentLeads.issue && document.type === 'Công văn';
  const body = internalLetter
    ? `văn bản ${subject}`
    : subject || `${document.type ?? 'văn bản'} số ${document.reference}`;
  return { lead, text: `${lead ? `${lead} ` : ''}${body}.` };
}

/** Whether a proposal says what the officer's line says, compared as search compares. */
export function sameSentence(a: string, b: string): boolean {
  const key = (text: string) => canonicalText(text).replace(/[.;:\s]+$/u, '');
  return key(a) === key(b);
}
