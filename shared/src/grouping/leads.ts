import { z } from 'zod';
import leadsData from '../../data/leads.json';
import { canonicalText, cleanText } from '../text';

/**
 * A lead: the phrase at the start of an item that same-kind items share ("Tham mưu UBND tỉnh",
 * "Văn bản gửi … về việc"). Patterns are written on canonical text (lower case, one tone style).
 */
export const leadPatternSchema = z.object({
  id: z.string().min(1),
  pattern: z.string().refine(
    (source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Not a valid regular expression' },
  ),
  /** ": " after a recipient or "về việc" ("Tham mưu UBND tỉnh: a; b."), " " after a bare verb ("Ban hành a; b."). */
  separator: z.enum([': ', ' ']),
  /**
   * An open lead ("Văn bản gửi … về") takes in the words its merged items still share:
   * "… về công tác văn phòng, thanh tra: a; b."
   */
  extend: z.boolean().default(false),
});
export type LeadPattern = z.infer<typeof leadPatternSchema>;

export const leadCatalogSchema = z.object({ leads: z.array(leadPatternSchema) });

export const defaultLeads: LeadPattern[] = leadCatalogSchema.parse(leadsData).leads;

export interface DetectedLead {
  /** The lead as the officer wrote it, without a trailing colon. */
  lead: string;
  /** What follows the lead: the part that merging joins with "; ". */
  rest: string;
  pattern: LeadPattern;
}

const compiled = new WeakMap<LeadPattern, RegExp>();
function regexOf(lead: LeadPattern): RegExp {
  let regex = compiled.get(lead);
  if (!regex) {
    // A lead ends where a word ends: "tổ chức" must not take "tổ chức năng".
    regex = new RegExp(`^(?:${lead.pattern})(?=[\\s:,.;]|$)`, 'u');
    compiled.set(lead, regex);
  }
  return regex;
}

/**
 * The lead an item starts with, by the first pattern that matches, or null. The canonical form has
 * the same length as the clean text, so the match is cut from the officer's own wording.
 */
export function detectLead(text: string, leads: LeadPattern[] = defaultLeads): DetectedLead | null {
  const clean = cleanText(text);
  const canonical = canonicalText(clean);
  for (const pattern of leads) {
    const match = regexOf(pattern).exec(canonical);
    if (!match) continue;
    const rest = clean
      .slice(match[0].length)
      .replace(/^[\s:]+/, '')
      .trim();
    if (!/\p{L}/u.test(rest)) continue;
    return { lead: clean.slice(0, match[0].length).trim(), rest, pattern };
  }
  return null;
}

const OWN_LEAD: LeadPattern = { id: 'own', pattern: '', separator: ': ', extend: false };

/** A lead and the rest of an item's text, and whether the lead is the one the officer set. */
export interface ItemLead extends DetectedLead {
  /** The officer set it (or confirmed the one Gom proposed); false when Gom detected it. */
  set: boolean;
}

/**
 * An item's lead and the rest of its text: the lead the officer set wins when the text starts with
 * it; otherwise the detected one.
 */
export function splitLead(
  text: string,
  lead: string | null | undefined,
  leads: LeadPattern[] = defaultLeads,
): ItemLead | null {
  const clean = cleanText(text);
  if (lead) {
    const own = cleanText(lead).replace(/:$/, '');
    if (own && canonicalText(clean).startsWith(canonicalText(own))) {
      const rest = clean
        .slice(own.length)
        .replace(/^[\s:]+/, '')
        .trim();
      if (/\p{L}/u.test(rest)) {
        const detected = detectLead(clean, leads);
        const same = detected && canonicalText(detected.lead) === canonicalText(own);
        return { lead: own, rest, pattern: same ? { ...detected.pattern, extend: false } : OWN_LEAD, set: true };
      }
    }
  }
  const detected = detectLead(clean, leads);
  return detected && { ...detected, set: false };
}
