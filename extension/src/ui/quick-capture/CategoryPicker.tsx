import type { Category } from '@gom/shared';
import type { CategoryChoice } from '../../capture/quick-capture';
import { t } from '../../i18n';

export interface CategoryPickerProps {
  /** The three suggested, best first: Alt+1..3 pick them. */
  choices: readonly CategoryChoice[];
  category: string;
  /** Every category of the unit, for the list. */
  categories: readonly Category[];
  /** The officer's pick, a suggestion's or another category's. */
  onPick: (category: string) => void;
}

/** The suggested categories as buttons, every other in a list beside them. */
export function CategoryPicker({ choices, category, categories, onPick }: CategoryPickerProps) {
  const s = t().capture;
  return (
    <fieldset class="categories">
      <legend>{s.category}</legend>
      {choices.map((choice, index) => (
        <button
          type="button"
          key={choice.category}
          data-role="suggestion"
          data-category={choice.category}
          aria-pressed={category === choice.category}
          onClick={() => onPick(choice.category)}
        >
          {s.suggestion(index + 1, choice.title)}
        </button>
      ))}
      <select
        name="category"
        aria-label={s.otherCategories}
        value={category}
        onChange={(e) => onPick(e.currentTarget.value)}
      >
        {categories.map((option) => (
          <option key={option.key} value={option.key}>
            {option.title}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
