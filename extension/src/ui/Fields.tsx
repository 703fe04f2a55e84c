import type { ComponentChildren, InputHTMLAttributes, Ref } from 'preact';
import { DateInput } from './DateInput';

/**
 * A form's fields as Gom lays them out: the label, then the control, whose id and name are both
 * `name` (the label points at it; the end-to-end tests find it by name), then the hint if any.
 */
interface FieldProps {
  name: string;
  label: ComponentChildren;
  /** Shown under the control, muted. */
  hint?: ComponentChildren;
  /** In a cell of its own, for fields side by side in a `.row`. */
  cell?: boolean;
  onValue: (value: string) => void;
}

function Field({ cell, children }: { cell: boolean | undefined; children: ComponentChildren }) {
  return cell ? <div>{children}</div> : children;
}

function Hint({ hint }: { hint: ComponentChildren }) {
  return hint ? <p class="muted">{hint}</p> : null;
}

interface InputProps {
  /** A date is typed day first, whatever the browser's locale (`DateInput`). */
  type: 'text' | 'date' | 'password';
  value: string;
  list?: string;
  inputMode?: 'decimal' | 'url';
  placeholder?: string;
  spellcheck?: boolean;
  autoComplete?: string;
  disabled?: boolean;
}

export function InputField({ name, label, hint, cell, onValue, ...input }: FieldProps & InputProps) {
  return (
    <Field cell={cell}>
      <label for={name}>{label}</label>
      {input.type === 'date' ? (
        <DateInput id={name} name={name} value={input.value} disabled={input.disabled} onValue={onValue} />
      ) : (
        // Preact types an input's attributes by its type; these few hold for every type given here.
        <input
          id={name}
          name={name}
          {...(input as InputHTMLAttributes)}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
      <Hint hint={hint} />
    </Field>
  );
}

interface TextAreaProps {
  value: string;
  rows: number;
  placeholder?: string;
  disabled?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ name, label, hint, cell, onValue, ...textarea }: FieldProps & TextAreaProps) {
  return (
    <Field cell={cell}>
      <label for={name}>{label}</label>
      <textarea id={name} name={name} {...textarea} onInput={(e) => onValue(e.currentTarget.value)} />
      <Hint hint={hint} />
    </Field>
  );
}

/** One entry of a select; without a label, an empty choice. */
export interface Choice {
  value: string;
  label?: ComponentChildren;
}

interface SelectProps {
  value: string;
  choices: readonly Choice[];
  disabled?: boolean;
}

export function SelectField({ name, label, hint, cell, onValue, choices, ...select }: FieldProps & SelectProps) {
  return (
    <Field cell={cell}>
      <label for={name}>{label}</label>
      <select id={name} name={name} {...select} onChange={(e) => onValue(e.currentTarget.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Hint hint={hint} />
    </Field>
  );
}
