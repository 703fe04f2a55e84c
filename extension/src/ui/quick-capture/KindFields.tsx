import type { MetricCatalog } from '@gom/shared';
import { useMemo } from 'preact/hooks';
import type { CaptureForm } from '../../capture/quick-capture';
import { t } from '../../i18n';
import { InputField, SelectField } from '../Fields';

const statuses = ['done', 'pending', 'overdue'] as const;
export interface KindFieldsProps {
  form: CaptureForm;
  update: (patch: Partial<CaptureForm>) => void;
  /** The unit's metric catalog: what a figure may count. */
  metrics: MetricCatalog;
}

/** What a kind adds to the form: a figure's metric and value, a directive's due date and status. */
export function KindFields({ form, update, metrics }: KindFieldsProps) {
  const s = t().capture;
  const metricChoices = useMemo(
    () => [
      { value: '' },
      ...metrics.metrics.map((metric) => ({ value: metric.key, label: metric.phrase.replace('{n}', '…') })),
    ],
    [metrics],
  );
  if (form.kind === 'stat') {
    return (
      <div class="row">
        <SelectField
          cell
          name="metric"
          label={s.metric}
          value={form.metric}
          choices={metricChoices}
          onValue={(metric) => update({ metric })}
        />
        <InputField
          cell
          name="value"
          label={s.value}
          type="text"
          inputMode="decimal"
          value={form.value}
          onValue={(value) => update({ value })}
        />
      </div>
    );
  }
  if (form.kind === 'directive') {
    return (
      <div class="row">
        <InputField
          cell
          name="dueOn"
          label={s.dueOn}
          type="date"
          value={form.dueOn}
          onValue={(dueOn) => update({ dueOn })}
        />
        <SelectField
          cell
          name="status"
          label={s.status}
          value={form.status}
          choices={statuses.map((status) => ({ value: status, label: s.statuses[status] }))}
          onValue={(status) => update({ status: status as CaptureForm['status'] })}
        />
      </div>
    );
  }
  return null;
}
