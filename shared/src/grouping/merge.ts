import { canonicalText, cleanText } from '../text';
import { defaultLeads, type LeadPattern, splitLead } from './leads';

export interface MergeInput {
  id: string;
  text: string;
  lead?: string | null;
}

/** One bullet of a section, with the items it came from (in order). */
export interface Bullet {
  text: string;
  itemIds: string[];
  /**
   * A merged bullet's pieces, "Lead" + separator + clauses, so that a long enumeration can be cut
   * (an annual report moves the tail of one into a footnote); absent for a bullet of one item.
   */
  enumeration?: { lead: string; separator: string; clauses: string[] };
}

/** A clause as it sits inside a merged bullet: no closing punctuation of its own. */
function clause(text: string): string {
  return cleanText(text).replace(/[\s.;,:]+$/u, '');
}

/**
 * The colon after a lead, as the samples write it. A lead that announces a list ("… về việc",
 * "… về", "… các dự thảo") always takes it, whatever follows ("Tham mưu, báo cáo UBND tỉnh về: ban
 * hành …"). A lead that names whom the department advises runs on into a first clause in lower
 * case as a sentence would ("Tham mưu UBND tỉnh cho phép 01 lưu học sinh …; đồng ý cho phép Đoàn
 * …") and takes the colon before a capital ("Tham mưu UBND tỉnh: Kế hoạch đón Đoàn …; tổ chức …"):
 * the first letter of the first item, as clipped, says which the officer wrote. A bare verb
 * ("Ban hành") never takes one.
 */
function separatorBefore(lead: string, first: string, separator: string): string {
  if (separator !== ': ' || /(?:^| )(?:về|về việc|dự thảo)$/u.test(canonicalText(lead))) return separator;
  return /^\p{Ll}/u.test(first) ? ' ' : separator;
}

const words = (text: string): string[] => text.split(' ').filter(Boolean);

/** The words every rest starts with, cut back so that each rest keeps at least one word. */
function sharedWords(rests: string[]): string[] {
  const split = rests.map(words);
  const first = split[0] ?? [];
  let n = 0;
  while (
    n < first.length &&
    split.every((w) => w.length > n + 1 && canonicalText(w[n] ?? '') === canonicalText(first[n] ?? ''))
  )
    n += 1;
  // A shared run that ends on a comma-less connector would leave the rests starting mid-phrase.
  while (n > 0 && /^(?:và|của|các|về|cho|với|tại|trong|đối)$/u.test(canonicalText(first[n - 1] ?? ''))) n -= 1;
  return first.slice(0, n);
}

/**
 * Items of one section with the same lead become one bullet, "Lead: a; b; c.", at the place of the
 * first of them, with one full stop whatever the officers clipped; the same clause twice is written
 * once; an item without a lead, or alone with its lead, keeps its own wording.
 *
 * A lead the officer set wins over detection: items that carry the same lead merge, and detection
 * merges only items that carry none. An item she left without a lead although its text starts like
 * her merged ones is one she keeps apart (the sample's "Tham mưu UBND tỉnh dự thảo Quy chế …" is
 * its own bullet after the "Tham mưu UBND tỉnh …; …" list).
 */
export function mergeByLead(items: MergeInput[], leads: LeadPattern[] = defaultLeads): Bullet[] {
  interface Group {
    lead: string;
    separator: string;
    extend: boolean;
    members: Array<{ id: string; text: string; rest: string }>;
  }
  const slots: Array<Group | { single: MergeInput }> = [];
  const byLead = new Map<string, Group>();
  for (const item of items) {
    const split = splitLead(item.text, item.lead, leads);
    if (!split) {
      slots.push({ single: item });
      continue;
    }
    const key = `${split.set ? 'set' : 'detected'}:${canonicalText(split.lead)}`;
    let group = byLead.get(key);
    if (!group) {
      group = { lead: split.lead, separator: split.pattern.separator, extend: split.pattern.extend, members: [] };
      byLead.set(key, group);
      slots.push(group);
    }
    group.members.push({ id: item.id, text: item.text, rest: split.rest });
  }

  return slots.map((slot) => {
    // A bullet of one item is the officer's sentence, untouched.
    if ('single' in slot) return { text: slot.single.text, itemIds: [slot.single.id] };
    if (slot.members.length === 1) {
      const only = slot.members[0]!;
      return { text: only.text, itemIds: [only.id] };
    }
    let lead = slot.lead;
    let rests = slot.members.map((m) => clause(m.rest));
    if (slot.extend) {
      const shared = sharedWords(rests);
      if (shared.length > 0) {
        lead = `${lead} ${shared.join(' ')}`.replace(/,$/, '');
        rests = rests.map((rest) => words(rest).slice(shared.length).join(' '));
      }
    }
    const seen = new Set<string>();
    const clauses = rests.filter((rest) => {
      const key = canonicalText(rest);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const bare = lead.replace(/[\s:]+$/u, '');
    const separator = separatorBefore(slot.lead, clauses[0] ?? '', slot.separator);
    return {
      text: `${bare}${separator}${clauses.join('; ')}.`,
      itemIds: slot.members.map((m) => m.id),
      enumeration: { lead: bare, separator, clauses },
    };
  });
}
