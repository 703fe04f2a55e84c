import type { ReportModel } from './model';

/**
 * How an officer joins a bullet to the one before it, as the samples' officers do by hand: as one
 * more clause of its list ("…(02 văn bản); tiếp nhận và xử lý …") or as the next sentence
 * ("… 11/3/2021. Hoàn thành thủ tục …").
 */
export type BulletJoin = 'clause' | 'sentence';

/** Where a bullet is in the model, by the indexes of its part, section and place. */
export interface BulletPlace {
  part: number;
  section: number;
  bullet: number;
}

// A capital followed by a small letter starts an ordinary word ("Tiếp nhận"); an acronym
// ("UBND") keeps its capitals inside a list.
const lowerFirst = (text: string): string =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A bullet as a sentence: it ends with its own closing mark, or with a full stop in place of the
 * list punctuation it was clipped with; every paragraph of the samples' bodies closes so.
 */
export function closeSentence(text: string): string {
  const bare = text.trim().replace(/[\s;,:]+$/u, '');
  return bare === '' || /[.!?…)"”]$/u.test(bare) ? bare : `${bare}.`;
}

/** Two bullets' texts as one, ending with one full stop. */
export function joinBulletTexts(first: string, second: string, join: BulletJoin): string {
  const head = first.trim().replace(/[\s.;,:]+$/u, '');
  const ended = closeSentence(second);
  return join === 'clause' ? `${head}; ${lowerFirst(ended)}` : `${head}. ${upperFirst(ended)}`;
}

/**
 * The model with a bullet and the next one of its section made one, the way the officer chose;
 * null when there is no next bullet, or when either carries a footnote (the tail of a long
 * enumeration, whose mark would no longer sit at the end of its list).
 */
export function joinBullets(model: ReportModel, at: BulletPlace, join: BulletJoin): ReportModel | null {
  const bullets = model.parts[at.part]?.sections[at.section]?.bullets ?? [];
  const first = bullets[at.bullet];
  const second = bullets[at.bullet + 1];
  if (first === undefined || second === undefined) return null;
  const inSection = (note: BulletPlace) => note.part === at.part && note.section === at.section;
  const noted = model.footnotes.some(
    (note) => inSection(note) && (note.bullet === at.bullet || note.bullet === at.bullet + 1),
  );
  if (noted) return null;
  const joined = [
    ...bullets.slice(0, at.bullet),
    joinBulletTexts(first, second, join),
    ...bullets.slice(at.bullet + 2),
  ];
  return {
    ...model,
    footnotes: model.footnotes.map((note) =>
      inSection(note) && note.bullet > at.bullet ? { ...note, bullet: note.bullet - 1 } : note,
    ),
    parts: model.parts.map((part, pi) =>
      pi !== at.part
        ? part
        : {
            ...part,
            sections: part.sections.map((section, si) =>
              si === at.section ? { ...section, bullets: joined } : section,
            ),
          },
    ),
  };
}
