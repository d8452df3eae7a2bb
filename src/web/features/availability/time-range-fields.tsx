import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import type { RangeDraft } from './availability-draft.ts';

type TimeRangeFieldsProps = {
  /** What the range belongs to, for screen readers and tests: "Tuesday" gives "Tuesday from 1". */
  owner: string;
  /** 0-based position among the owner's ranges. */
  index: number;
  range: RangeDraft;
  error?: string | undefined;
  onChange: (range: RangeDraft) => void;
  onRemove: () => void;
};

/** A "From"–"To" pair of time inputs with a remove button. */
export function TimeRangeFields({
  owner,
  index,
  range,
  error,
  onChange,
  onRemove,
}: TimeRangeFieldsProps) {
  const position = index + 1;
  return (
    <div className={error ? 'time-range time-range--invalid' : 'time-range'}>
      <div className="time-range__inputs">
        <TextField
          label="From"
          type="time"
          aria-label={`${owner} from ${position}`}
          value={range.start}
          onChange={(event) => onChange({ ...range, start: event.target.value })}
        />
        <TextField
          label="To"
          type="time"
          aria-label={`${owner} to ${position}`}
          value={range.end}
          onChange={(event) => onChange({ ...range, end: event.target.value })}
        />
        <Button
          size="small"
          variant="ghost"
          className="time-range__remove"
          aria-label={`Remove ${owner} hours ${position}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
