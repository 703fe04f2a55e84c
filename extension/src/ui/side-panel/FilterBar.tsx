import { itemKinds, type Period } from '@gom/shared';
import { t } from '../../i18n';
import type { AuthorFilter, ItemFilter } from '../../period/list-edits';

const authors: readonly AuthorFilter[] = ['mine', 'others'];

export interface FilterBarProps {
  filter: ItemFilter;
  /** The period shown: the dates picked stay inside it. */
  period: Pick<Period, 'from' | 'to'>;
  onChange: (filter: ItemFilter) => void;
}

/** Which of the period's items the list shows: words of the text, a kind, whose, between which dates. */
export function FilterBar({ filter, period, onChange }: FilterBarProps) {
  const s = t().sidePanel;
  return (
    <search class="filters">
      <input
        type="search"
        name="search"
        aria-label={s.search}
        placeholder={s.search}
        value={filter.text}
        onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })}
      />
      <select
        name="kind-filter"
        aria-label={s.allKinds}
        value={filter.kind ?? ''}
        onChange={(e) => {
          const itemKind = itemKinds.find((k) => k === e.currentTarget.value) ?? null;
          onChange({ ...filter, kind: itemKind });
        }}
      >
        <option value="">{s.allKinds}</option>
        {itemKinds.map((itemKind) => (
          <option key={itemKind} value={itemKind}>
            {t().capture.kinds[itemKind]}
          </option>
        ))}
      </select>
      <select
        name="author-filter"
        aria-label={s.allAuthors}
        value={filter.author ?? ''}
        onChange={(e) => {
          const author = authors.find((a) => a === e.currentTarget.value) ?? null;
          onChange({ ...filter, author });
        }}
      >
        <option value="">{s.allAuthors}</option>
        <option value="mine">{s.mine}</option>
        <option value="others">{s.others}</option>
      </select>
      <label class="inline">
        {s.fromDate}
        <input
          type="date"
          name="from-date"
          min={period.from}
          max={period.to}
          value={filter.from}
          onInput={(e) => onChange({ ...filter, from: e.currentTarget.value })}
        />
      </label>
      <label class="inline">
        {s.toDate}
        <input
          type="date"
          name="to-date"
          min={period.from}
          max={period.to}
          value={filter.to}
          onInput={(e) => onChange({ ...filter, to: e.currentTarget.value })}
        />
      </label>
    </search>
  );
}
