import { itemKinds } from '@gom/shared';
import { t } from '../../i18n';
import type { AuthorFilter, ItemFilter } from '../../period/list-edits';
import { DateInput } from '../DateInput';

const authors: readonly AuthorFilter[] = ['mine', 'others'];

export interface FilterBarProps {
  filter: ItemFilter;
  onChange: (filter: ItemFilter) => void;
}

/** Which of the period's items the list shows: words of the text, a kind, whose, between which dates. */
export function FilterBar({ filter, onChange }: FilterBarProps) {
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
      <label class="inline" for="from-date">
        {s.fromDate}
        <DateInput
          id="from-date"
          name="from-date"
          value={filter.from}
          onValue={(from) => onChange({ ...filter, from })}
        />
      </label>
      <label class="inline" for="to-date">
        {s.toDate}
        <DateInput id="to-date" name="to-date" value={filter.to} onValue={(to) => onChange({ ...filter, to })} />
      </label>
    </search>
  );
}
