import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

type FieldChrome = {
  label: string;
  /** The server's problem with this input, e.g. "is already registered". */
  error?: string | undefined;
  hint?: ReactNode;
};

/** "is already registered" reads better as "Email is already registered". */
function sentenceFor(label: string, problem: string): string {
  return /^[a-z]/.test(problem) ? `${label} ${problem}` : problem;
}

type Wiring = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

function FieldFrame({
  label,
  error,
  hint,
  id,
  render,
}: FieldChrome & { id: string | undefined; render: (wiring: Wiring) => ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {render({
        id: inputId,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {sentenceFor(label, error)}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

export function TextField({ label, error, hint, id, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      id={id}
      render={(wiring) => (
        <input className={['input', className].filter(Boolean).join(' ')} {...input} {...wiring} />
      )}
    />
  );
}

type TextAreaFieldProps = FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, error, hint, id, rows = 4, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      id={id}
      render={(wiring) => <textarea className="input textarea" rows={rows} {...area} {...wiring} />}
    />
  );
}

type SelectFieldProps = FieldChrome & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, error, hint, id, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      id={id}
      render={(wiring) => (
        <select className="input select" {...select} {...wiring}>
          {children}
        </select>
      )}
    />
  );
}
