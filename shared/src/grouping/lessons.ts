import { z } from 'zod';
import { itemKindSchema } from '../item';
import { withoutControlChars } from '../text';

/** At most this many lessons a request: a day's corrections of a busy officer, many times over. */
export const MAX_LESSONS = 500;

/**
 * What an officer's corrections teach the unit's model: `POST /v1/model/lessons` (docs/sync.md).
 * A lesson is the text she placed, the category she placed it in, and its kind when known.
 */
export const lessonSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((t) => withoutControlChars(t) === t, {
      message: 'Không được chứa ký tự điều khiển / no control characters',
    }),
  category: z.string().min(1).max(100),
  kind: itemKindSchema.optional(),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonsRequestSchema = z.object({ lessons: z.array(lessonSchema).min(1).max(MAX_LESSONS) });
export type LessonsRequest = z.infer<typeof lessonsRequestSchema>;

export const lessonsResponseSchema = z.object({
  /** The version of the unit's `model` configuration that holds the lessons. */
  version: z.number().int().positive(),
  /** Items the unit's model has learned, in all. */
  learned: z.number().int().nonnegative(),
});
export type LessonsResponse = z.infer<typeof lessonsResponseSchema>;

/**
 * A report the unit issued before, uploaded to teach its model (`POST /v1/model/reports`, editors
 * and admins): the file's name says its format (.docx, .md, .txt), its bytes come in base64, and
 * `headings` places the section headings an earlier upload could not (see `readPastReport`).
 */
export const pastReportUploadSchema = z.object({
  name: z.string().trim().min(1).max(200),
  content: z.base64().min(1),
  headings: z.record(z.string().min(1).max(300), z.string().min(1).max(100)).optional(),
});
export type PastReportUpload = z.infer<typeof pastReportUploadSchema>;

export const pastReportLearnedSchema = lessonsResponseSchema.extend({
  /** The actions the report taught, and its new leads. */
  lessons: z.number().int().nonnegative(),
  leads: z.number().int().nonnegative(),
  /** Section headings that name no category: upload again with `headings` to place them. */
  unmapped: z.array(z.string()),
});
export type PastReportLearned = z.infer<typeof pastReportLearnedSchema>;
