import { type Period, type PeriodOptions, periodOptions } from '@gom/shared';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import {
  dateInView,
  isPanelPeriodKind,
  type PanelPeriodKind,
  panelPeriodKinds,
  periodAt,
  periodHolding,
  periodPlace,
  periodsInYear,
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
  /** The period of the kind shown at a year and a place in it, picked directly. */
  pick: (year: number, index: number) => void;
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
    // The date in view stays in view: March 2021 seen as a year is 2021, not the current year.
    const date = dateInView(period, today);
    const probe = periodHolding(next, date);
    setPeriod(periodHolding(next, date, optionsOf(probe)));
    onMove();
  }
  function pick(year: number, index: number): void {
    const probe = periodAt(kind, year, index);
    setPeriod(periodAt(kind, year, index, optionsOf(probe)));
    onMove();
  }
  function step(direction: -1 | 0 | 1): void {
    const options = optionsOf(period);
    setPeriod(direction === 0 ? periodHolding(kind, today, options) : stepPeriod(period, direction, options));
    onMove();
  }
  return { kind, period, optionsOf, switchKind, step, pick };
}

export interface PeriodSwitcherProps {
  period: Period;
  kind: PanelPeriodKind;
  /** Today's year: the picker offers the years around it. */
  thisYear: number;
  onKind: (kind: PanelPeriodKind) => void;
  onStep: (step: -1 | 0 | 1) => void;
  onPick: (year: number, index: number) => void;
}

// How far back the year picker reaches: a unit's reports of the last decade, and the next year's plans.
const YEARS_BACK = 10;

/** The period shown, named as its report names it; week, month, quarter, 6 months or year, and the ones around it. */
export function PeriodSwitcher({ period, kind, thisYear, onKind, onStep, onPick }: PeriodSwitcherProps) {
  const s = t().sidePanel;
  const place = periodPlace(period);
  const first = Math.min(thisYear - YEARS_BACK, place.year);
  const years = Array.from({ length: Math.max(thisYear + 1, place.year) - first + 1 }, (_, i) => first + i);
  const places = Array.from({ length: periodsInYear(kind, place.year) }, (_, i) => i + 1);
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
        {kind !== 'year' && (
          <select
            name="period-index"
            aria-label={s.periodKinds[kind]}
            value={place.index}
            onChange={(e) => onPick(place.year, Number(e.currentTarget.value))}
          >
            {places.map((index) => (
              <option key={index} value={index}>
                {s.periodIndex(kind, index)}
              </option>
            ))}
          </select>
        )}
        <select
          name="period-year"
          aria-label={s.periodKinds.year}
          value={place.year}
          onChange={(e) =>
            onPick(
              Number(e.currentTarget.value),
              Math.min(place.index, periodsInYear(kind, Number(e.currentTarget.value))),
            )
          }
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
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
