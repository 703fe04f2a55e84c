import { z } from 'zod';
import { canonicalText, withoutControlChars } from './text';

/** What an officer did: a result, a plan for a coming period, a figure, or a task the leadership assigned. */
export const itemKinds = ['result', 'plan', 'stat', 'directive'] as const;
export const itemKindSchema = z.enum(itemKinds);
export type ItemKind = z.infer<typeof itemKindSchema>;

export const directiveStatusSchema = z.enum(['done', 'pending', 'overdue']);
export const documentDirectionSchema = z.enum(['incoming', 'outgoing']);

const isoDate = z.iso.date();
const shortText = z.string().max(500);
const UNWRITABLE_MESSAGE =
  'Không được chứa ký tự điều khiển, U+FFFE, U+FFFF hay nửa cặp surrogate / must not contain a control character, U+FFFE, U+FFFF or a lone surrogate';

/** The document an item was clipped from (Nghị định 30, Phụ lục VI: the neutral metadata model). */
export const sourceDocumentSchema = z.strictObject({
  reference: shortText.nullable(),
  type: shortText.nullable(),
  issuedOn: isoDate.nullable(),
  issuer: shortText.nullable(),
  summary: z.string().max(2000).nullable(),
  signer: shortText.nullable(),
  direction: documentDirectionSchema.nullable(),
  dueOn: isoDate.nullable(),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

export const itemSourceSchema = z.strictObject({
  url: z.string().max(4000).nullable(),
  title: z.string().max(1000).nullable(),
  selection: z.string().max(20000).nullable(),
  document: sourceDocumentSchema.nullable(),
});
export type ItemSource = z.infer<typeof itemSourceSchema>;

/**
 * The fields of an item that officers write and that sync merges one by one.
 * `id`, `unitId`, `authorId` and `updatedAt` are not among them: the server owns those.
 */
export const itemFieldsSchema = z.strictObject({
  kind: itemKindSchema,
  text: z.string().trim().min(1).max(5000),
  lead: z.string().max(500).nullable(),
  category: z.string().max(100).nullable(),
  categorySource: z.enum(['user', 'suggested']).nullable(),
  occurredOn: isoDate,
  metric: z.string().max(100).nullable(),
  value: z.number().finite().nullable(),
  dueOn: isoDate.nullable(),
  status: directiveStatusSchema.nullable(),
  plannedFor: z.string().max(40).nullable(),
  source: itemSourceSchema.nullable(),
  rank: z.number().finite(),
  tags: z.array(z.string().max(100)).max(50),
  deleted: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ItemFields = z.infer<typeof itemFieldsSchema>;
export type ItemField = keyof ItemFields;
export const itemFieldNames = Object.keys(itemFieldsSchema.shape) as ItemField[];

/** Whether a string anywhere in `value` holds a character `withoutControlChars` drops (the keys are the schema's own). */
function holdsUnwritable(value: unknown): boolean {
  if (typeof value === 'string') return withoutControlChars(value) !== value;
  if (Array.isArray(value)) return value.some(holdsUnwritable);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsUnwritable);
}

/** A partial set of fields, as one write carries them. */
export const itemFieldsPatchSchema = itemFieldsSchema
  .partial()
  // Refused here, on both adapters, rather than stored: PostgreSQL's text cannot hold U+0000 (an
  // item's date is a text column, its settings jsonb), and a clip holding what XML cannot would
  // make every report of its period a .docx that Word refuses to open. The extension drops them
  // before it writes (the same `withoutControlChars`), so only a client that did not is refused.
  // Walked, not stringified: every pushed mutation passes here.
  .superRefine((set, ctx) => {
    for (const [field, value] of Object.entries(set)) {
      if (holdsUnwritable(value)) ctx.addIssue({ code: 'custom', path: [field], message: UNWRITABLE_MESSAGE });
    }
  })
  .refine((set) => Object.keys(set).length > 0, {
    message: 'A mutation must set at least one field',
  });
export type ItemFieldsPatch = Partial<ItemFields>;

/** A complete item (a clip), as the report pipeline reads it. */
export const itemSchema = itemFieldsSchema.extend({
  id: z.uuid(),
  unitId: z.string(),
  authorId: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type Item = z.infer<typeof itemSchema>;

/** Defaults for the fields a first write may leave out. */
export function defaultItemFields(occurredOn: string, createdAt: string): Omit<ItemFields, 'text'> {
  return {
    kind: 'result',
    lead: null,
    category: null,
    categorySource: null,
    occurredOn,
    metric: null,
    value: null,
    dueOn: null,
    status: null,
    plannedFor: null,
    source: null,
    rank: 0,
    tags: [],
    deleted: false,
    createdAt,
  };
}

/**
 * An item's text under the lead the officer typed for it: the text as it is when it already starts
 * with the lead, else the lead before it, so that the side panel shows it and the report merges the
 * item under it. The lead runs on into a clause in lower case and takes a colon before a capital,
 * as the samples write "Tham mưu UBND tỉnh: Kế hoạch đón Đoàn …".
 */
export function textUnderLead(text: string, lead: string | null): string {
  const own = (lead ?? '').trim().replace(/[\s:]+$/u, '');
  if (own === '' || canonicalText(text).startsWith(canonicalText(own))) return text;
  return `${own}${/^\p{Ll}/u.test(text) ? ' ' : ': '}${text}`;
}
