import { type Classifiable, defaultRules, matchRules } from './rules';

export interface CategoryGuess {
  category: string;
}

/**
 * The first guess at clip time, from the built-in rules alone: what an officer sees before the
 * unit's classifier (`suggestCategory`) has learned anything.
 */
export function guessCategory(text: string, item: Omit<Classifiable, 'text'> = {}): CategoryGuess {
  const [category] = matchRules({ ...item, text }, defaultRules);
  return { category: category! };
}
