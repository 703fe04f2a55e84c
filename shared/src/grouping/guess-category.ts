import { suggestCategory } from './classify';
import type { Classifiable } from './rules';

export interface CategoryGuess {
  category: string;
}

/**
 * The first guess at clip time, from the built-in knowledge alone: what an officer sees before the
 * unit's classifier (`suggestCategory` with its model) has learned anything.
 */
export function guessCategory(text: string, item: Omit<Classifiable, 'text'> = {}): CategoryGuess {
  return { category: suggestCategory({ ...item, text }).category };
}
