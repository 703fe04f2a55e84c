import type { CaptureForm } from '../../features/quick-capture';

type InputFieldName = 'value' | 'dueOn' | 'occurredOn';

/** A labelled input bound to one of quick capture's fields; its id and name are the field's. */
export function FormInput({
  field,
  label,
  type,
  form,
  update,
}: {
  field: InputFieldName;
  label: string;
  /** A date, or a number typed as text with the decimal keypad. */
  type: 'date' | 'decimal';
  form: CaptureForm;
  update: (patch: Partial<CaptureForm>) => void;
}) {
  return (
    <div>
      <label for={field}>{label}</label>
      <input
        id={field}
        name={field}
        {...(type === 'date' ? { type: 'date' as const } : { type: 'text' as const, inputMode: 'decimal' as const })}
        value={form[field]}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
    </div>
  );
}
