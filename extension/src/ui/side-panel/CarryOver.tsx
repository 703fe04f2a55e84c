import { t } from '../../i18n';
import type { CarryOverSuggestion } from '../../period/carry-over';

export interface CarryOverProps {
  suggestions: CarryOverSuggestion[];
  onContinue: (suggestion: CarryOverSuggestion) => void;
  onDismiss: (suggestion: CarryOverSuggestion) => void;
}

/** The unfinished plans of the period shown, each to continue in the next period or to drop. Text as text, never markup. */
export function CarryOver({ suggestions, onContinue, onDismiss }: CarryOverProps) {
  const s = t().sidePanel;
  if (suggestions.length === 0) return null;
  return (
    <section data-role="carry-over">
      <p class="muted">{s.carryOver}</p>
      <ul>
        {suggestions.map((suggestion) => (
          <li key={suggestion.planId} data-plan-id={suggestion.planId}>
            <span data-role="carry-over-text">{suggestion.text}</span>{' '}
            <button type="button" data-action="continue-plan" onClick={() => onContinue(suggestion)}>
              {s.continuePlan}
            </button>
            <button type="button" data-action="dismiss-carry-over" onClick={() => onDismiss(suggestion)}>
              {s.dismissCarryOver}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
