import type { Period } from '@gom/shared';
import { isPanelPeriodKind, type PanelPeriodKind, panelPeriodKinds } from '../../features/period-choice';
import { t } from '../../i18n';

export interface PeriodSwitcherProps {
  period: Period;
  kind: PanelPeriodKind;
  onKind: (kind: PanelPeriodKind) => void;
  onStep: (step: -1 | 0 | 1) => void;
}

/** The period shown, named as its report names it; week, month, quarter, 6 months or year, and the ones around it. */
export function PeriodSwitcher({ period, kind, onKind, onStep }: PeriodSwitcherProps) {
  const s = t().sidePanel;
  return (
    <header class="period-switcher">
      <h1 data-role="period" data-period={period.id}>
        {s.periodTitle(period)}
      </h1>
      <div class="actions">
        <select
          name="period-kind"
          aria-label={s.periodKind}
          value={kind}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isPanelPeriodKind(value)) onKind(value);
          }}
        >
          {panelPeriodKinds.map((k) => (
            <option key={k} value={k}>
              {s.periodKinds[k]}
            </option>
          ))}
        </select>
        <button type="button" data-action="previous-period" onClick={() => onStep(-1)}>
          {s.previousPeriod}
        </button>
        <button type="button" data-action="current-period" onClick={() => onStep(0)}>
          {s.currentPeriod}
        </button>
        <button type="button" data-action="next-period" onClick={() => onStep(1)}>
          {s.nextPeriod}
        </button>
      </div>
    </header>
  );
}
