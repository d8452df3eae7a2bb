import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/checkbox.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import type { Submission } from '../../use-submission.ts';

const stars = [1, 2, 3, 4, 5] as const;

type RatingFormProps = {
  otherName: string;
  /** the write's pending and error state */
  action: Pick<Submission, 'pending' | 'error' | 'fieldErrors'>;
  /** sends the rating; true once saved */
  onRate: (rating: { stars: number; feedback: string }) => Promise<boolean>;
  onClose: () => void;
};

/** One rating per side after the session (a booking, or a session one was added to): 1–5 stars and a few words. */
export function RatingForm({ otherName, action, onRate, onClose }: RatingFormProps) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [feedback, setFeedback] = useState('');
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(chosen === null);
    if (chosen === null) return;
    if (await onRate({ stars: chosen, feedback: feedback.trim() })) onClose();
  }

  return (
    <form className="form session-panel" aria-label="Rate the session" onSubmit={submit} noValidate>
      <ChoiceGroup
        legend={`How was your session with ${otherName}?`}
        error={missing ? 'Choose from 1 to 5 stars.' : action.fieldErrors.stars}
      >
        <div className="stars">
          {stars.map((value) => (
            <label key={value} className="stars__option">
              <input
                type="radio"
                name="stars"
                value={value}
                checked={chosen === value}
                onChange={() => setChosen(value)}
              />
              <span>{value === 1 ? '1 star' : `${value} stars`}</span>
            </label>
          ))}
        </div>
      </ChoiceGroup>
      <TextAreaField
        label="Feedback"
        name="feedback"
        rows={3}
        maxLength={2000}
        value={feedback}
        error={action.fieldErrors.feedback}
        onChange={(event) => setFeedback(event.target.value)}
      />
      <ErrorAlert message={action.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={action.pending}>
          Submit rating
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
