import { useId, useState } from 'react';
import { Button } from './button.tsx';

type CopyFieldProps = { label: string; value: string; hint?: string };

/** A read-only input with a Copy button, for secrets and links shown once. */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): select instead.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          id={id}
          className="input copy-field__input"
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button onClick={copy}>{copied === 'yes' ? 'Copied' : 'Copy'}</Button>
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {copied === 'failed' ? (
        <p className="field__hint">Copying was blocked; the text is selected, press Ctrl+C.</p>
      ) : null}
    </div>
  );
}
