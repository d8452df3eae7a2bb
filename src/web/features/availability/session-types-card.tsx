import { type FormEvent, useState } from 'react';
import type { SessionType } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { formatMoney } from '../../ui/format-money.ts';
import { Loading } from '../../ui/loading.tsx';
import { currencyDigits, exampleAmount, parseMoney } from '../../ui/parse-money.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

const currencies = ['EUR', 'USD', 'GBP', 'INR', 'JPY'];

type Problems = { name?: string; durationMinutes?: string; priceMinor?: string };

type Draft = { name: string; duration: string; price: string; currency: string };

const emptyDraft: Draft = { name: '', duration: '', price: '', currency: 'EUR' };

type NewSessionType = {
  name: string;
  durationMinutes: number;
  priceMinor: number;
  currency: string;
};

/** The request body, or what is wrong with the draft. */
function check(
  draft: Draft,
): { ok: true; body: NewSessionType } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'Give the session type a name.';
  const duration = draft.duration.trim();
  const minutes = Number(duration);
  if (!duration) problems.durationMinutes = 'Enter a length in minutes.';
  else if (!/^\d+$/.test(duration) || minutes < 5 || minutes > 24 * 60)
    problems.durationMinutes = 'must be a whole number of minutes from 5 to 1440';
  const price = parseMoney(draft.price, draft.currency);
  if (!price.ok) problems.priceMinor = price.problem;
  if (!price.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      durationMinutes: minutes,
      priceMinor: price.amountMinor,
      currency: draft.currency,
    },
  };
}

type SessionTypesCardProps = {
  /** The schedule's slot lengths, when known: a type of another length cannot be booked. */
  slotLengths?: number[] | undefined;
};

/** The kinds of session a mentor offers: a name, a length and a price (or free). */
export function SessionTypesCard({ slotLengths }: SessionTypesCardProps) {
  const api = useApi();
  const types = useApiQuery('/api/me/session-types');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission();
  const removal = useSubmission();
  const list = types.data?.sessionTypes ?? [];
  const errors: FieldErrors = { ...submission.fieldErrors, ...problems };
  const digits = currencyDigits(draft.currency) ?? 2;

  function change(changes: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...changes }));
    setDone(null);
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const checked = check(draft);
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) return;
    const result = await submission.run(() =>
      ok(api.POST('/api/me/session-types', { body: checked.body })),
    );
    if (!result.ok) return;
    setDraft({ ...emptyDraft, currency: draft.currency });
    setDone('Session type added');
    if (types.data) types.setData({ sessionTypes: [...list, result.value] });
    else types.reload();
  }

  async function remove(type: SessionType) {
    setDone(null);
    const result = await removal.run(() =>
      ok(
        api.DELETE('/api/me/session-types/{typeId}', {
          params: { path: { typeId: encodeURIComponent(type.id) } },
        }),
      ),
    );
    if (!result.ok) return;
    setDone(`${type.name} removed`);
    types.setData({ sessionTypes: list.filter((other) => other.id !== type.id) });
  }

  return (
    <Card
      title="Session types"
      description="Mentees choose one when they book; its length must be one of your slot lengths."
    >
      {types.loading ? <Loading /> : null}
      <ErrorAlert message={types.error?.message} />
      {types.data && list.length === 0 ? (
        <p className="muted">You offer no session types yet.</p>
      ) : null}
      <ul className="item-list" aria-label="Session types">
        {list.map((type) => (
          <li key={type.id} className="item-list__item">
            <div>
              <p className="item-list__title">{type.name}</p>
              <p className="item-list__meta">
                {type.durationMinutes} min · {type.price ? formatMoney(type.price) : 'Free'}{' '}
                {slotLengths && !slotLengths.includes(type.durationMinutes) ? (
                  <Badge tone="warning">Not one of your slot lengths</Badge>
                ) : null}
              </p>
            </div>
            <ConfirmButton
              label="Remove"
              accessibleLabel={`Remove ${type.name}`}
              question={`Stop offering ${type.name}? Past bookings keep it.`}
              confirmLabel="Yes, remove"
              pending={removal.pending}
              onConfirm={() => remove(type)}
            />
          </li>
        ))}
      </ul>
      <ErrorAlert message={removal.error} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      <form className="form subform" onSubmit={add} noValidate>
        <h3 className="subform__title">Add a session type</h3>
        <div className="form__row">
          <TextField
            label="Name"
            name="name"
            required
            maxLength={120}
            value={draft.name}
            error={errors.name}
            onChange={(event) => change({ name: event.target.value })}
          />
          <TextField
            label="Duration (minutes)"
            name="durationMinutes"
            type="number"
            required
            min={5}
            max={1440}
            inputMode="numeric"
            hint={slotLengths?.length ? `Your slot lengths: ${slotLengths.join(', ')} min.` : null}
            value={draft.duration}
            error={errors.durationMinutes}
            onChange={(event) => change({ duration: event.target.value })}
          />
          <TextField
            label="Price"
            name="priceMinor"
            inputMode={digits > 0 ? 'decimal' : 'numeric'}
            placeholder={exampleAmount(digits)}
            hint="Leave empty for a free session."
            value={draft.price}
            error={errors.priceMinor}
            onChange={(event) => change({ price: event.target.value })}
          />
          <SelectField
            label="Currency"
            name="currency"
            value={draft.currency}
            error={errors.currency}
            onChange={(event) => change({ currency: event.target.value })}
          >
            {currencies.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorAlert
          message={
            submission.error ??
            (Object.keys(problems).length > 0 ? 'Please correct the marked fields.' : null)
          }
        />
        <div className="button-row">
          <Button type="submit" variant="primary" pending={submission.pending}>
            Add session type
          </Button>
        </div>
      </form>
    </Card>
  );
}
