import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> & {
  label: ReactNode;
};

/** A checkbox with its label beside it; clicking the text toggles it. */
export function Checkbox({ label, className, ...input }: CheckboxProps) {
  return (
    <label className={['checkbox', className].filter(Boolean).join(' ')}>
      <input type="checkbox" className="checkbox__input" {...input} />
      <span>{label}</span>
    </label>
  );
}

type ChoiceGroupProps = {
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
};

/** A fieldset of related checkboxes (or other inputs) named by its legend. */
export function ChoiceGroup({ legend, hint, error, children }: ChoiceGroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={error ? 'choice-group field--invalid' : 'choice-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">{children}</div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {/^[a-z]/.test(error) ? `${legend} ${error}` : error}
        </p>
      ) : null}
    </fieldset>
  );
}
