import { type Period, type PeriodOptions, periodOptions } from '@gom/shared';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import {
  isPanelPeriodKind,
  type PanelPeriodKind,
  panelPeriodKinds,
  periodHolding,
  reportKindFor,
  stepPeriod,
} from '../../period/panel-periods';
import type { LocalReportSettings } from '../../report/report-settings';

/** The period the side panel shows, and the moves to another. */
export interface PanelPeriod {
  kind: PanelPeriodKind;
  period: Period;
  /** How the unit cuts periods of that period's kind, as its report settings say. */
  optionsOf: (period: Period) => PeriodOptions;
  switchKind: (kind: PanelPeriodKind) => void;
  /** The period before or after, or (0) the one holding today. */
  step: (direction: -1 | 0 | 1) => void;
}

/** The month holding today at first; `onMove` runs at every move to another period. */
export function usePanelPeriod(today: string, reportSettings: LocalReportSettings, onMove: () => void): PanelPeriod {
  const [kind, setKind] = useState<PanelPeriodKind>('month');
  const optionsOf = (p: Period) => periodOptions(reportSettings[reportKindFor(p)] ?? {});
  const [period, setPeriod] = useState<Period>(() =>
    periodHolding('month', today, periodOptions(reportSettings.month ?? {})),
  );
  function switchKind(next: PanelPeriodKind): void {
    setKind(next);
    const probe = periodHolding(next, today);
    setPeriod(periodHolding(next, today, optionsOf(probe)));
    onMove();
  }
  function step(direction: -1 | 0 | 1): void {
    const options = optionsOf(period);
    setPeriod(direction === 0 ? periodHolding(kind, today, options) : stepPeriod(period, direction, options));
    onMove();
  }
  return { kind, period, optionsOf, switchKind, step };
}

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
