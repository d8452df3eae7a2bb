import { Button } from '../../ui/button.tsx';
import { nextRange, type RangeDraft } from './availability-draft.ts';
import { TimeRangeFields } from './time-range-fields.tsx';

type DayHoursRowProps = {
  day: string;
  ranges: RangeDraft[];
  /** Problems by 0-based range index. */
  errorAt: (index: number) => string | undefined;
  onChange: (ranges: RangeDraft[]) => void;
};

/** One weekday's hours: its ranges, or "Unavailable", and an "Add hours" button. */
export function DayHoursRow({ day, ranges, errorAt, onChange }: DayHoursRowProps) {
  return (
    <fieldset className="day-hours">
      <legend className="day-hours__day">{day}</legend>
      <div className="day-hours__ranges">
        {ranges.length === 0 ? <p className="muted day-hours__off">Unavailable</p> : null}
        {ranges.map((range, index) => (
          <TimeRangeFields
            key={range.key}
            owner={day}
            index={index}
            range={range}
            error={errorAt(index)}
            onChange={(changed) =>
              onChange(ranges.map((other) => (other.key === range.key ? changed : other)))
            }
            onRemove={() => onChange(ranges.filter((other) => other.key !== range.key))}
          />
        ))}
        <div>
          <Button
            size="small"
            aria-label={`Add hours on ${day}`}
            onClick={() => onChange([...ranges, nextRange(ranges)])}
          >
            Add hours
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
