import type { Category } from '@gom/shared';
import type { CheckedProposal } from '../../capture/gather';
import type { CategoryChoice } from '../../capture/quick-capture';
import { t } from '../../i18n';
import { DateInput } from '../DateInput';

/** What the officer may change in a row before saving: its sentence, category and date. */
export interface RowEdit {
  text: string;
  occurredOn: string;
  category: string;
  categorySource: 'user' | 'suggested';
}

export interface GatherRowProps {
  proposal: CheckedProposal;
  edit: RowEdit;
  /** The three categories quick capture would offer for this row, best first. */
  choices: readonly CategoryChoice[];
  /** Every category of the unit, for the list beside the three. */
  categories: readonly Category[];
  kept: boolean;
  disabled: boolean;
  onKeep: (kept: boolean) => void;
  onEdit: (edit: RowEdit) => void;
}

/** One proposed item: ticked or not, its text, category and date editable; the page's words as text only. */
export function GatherRow({ proposal, edit, choices, categories, kept, disabled, onKeep, onEdit }: GatherRowProps) {
  const s = t().gather;
  const others = categories.filter((c) => !choices.some((choice) => choice.category === c.key));
  return (
    <li data-role="proposal" data-clipped={proposal.duplicateOf !== null}>
      <label class="keep">
        <input
          type="checkbox"
          data-role="keep"
          checked={kept}
          disabled={disabled}
          onChange={(e) => onKeep(e.currentTarget.checked)}
        />
        <span data-role="text">{edit.text}</span>
      </label>
      {proposal.duplicateOf !== null && (
        <span class="reported" data-role="already-clipped" title={s.alreadyClippedTitle(proposal.duplicateOf)}>
          {s.alreadyClipped}
        </span>
      )}
      <span class="muted" data-role="cited">
        {s.cited(proposal.document)}
      </span>
      <div class="row-fields">
        <textarea
          data-role="edit-text"
          aria-label={s.rowText}
          rows={2}
          value={edit.text}
          disabled={disabled}
          onInput={(e) => onEdit({ ...edit, text: e.currentTarget.value })}
        />
        <select
          data-role="category"
          aria-label={s.rowCategory}
          value={edit.category}
          disabled={disabled}
          onChange={(e) => onEdit({ ...edit, category: e.currentTarget.value, categorySource: 'user' })}
        >
          {choices.map((choice) => (
            <option key={choice.category} value={choice.category} data-role="suggestion">
              {choice.title}
            </option>
          ))}
          <optgroup label={t().capture.otherCategories}>
            {others.map((option) => (
              <option key={option.key} value={option.key}>
                {option.title}
              </option>
            ))}
          </optgroup>
        </select>
        <DateInput
          data-role="date"
          aria-label={s.rowDate}
          value={edit.occurredOn}
          required
          disabled={disabled}
          onValue={(occurredOn) => onEdit({ ...edit, occurredOn })}
        />
      </div>
    </li>
  );
}
