import { Button } from '../../ui/button.tsx';
import { formatCalendarDate } from '../../ui/format-date-time.ts';
import { formatMonth, monthWeeks, weekdayNames } from './month-calendar.ts';

type MonthGridProps = {
  month: string;
  /** Free times per day (`YYYY-MM-DD`); days without any cannot be chosen. */
  counts: Map<string, number>;
  selected: string | null;
  onSelect: (date: string) => void;
  canGoBack: boolean;
  canGoForward: boolean;
  onPage: (count: number) => void;
};

const timesText = (count: number) =>
  count === 0 ? 'no free times' : count === 1 ? '1 free time' : `${count} free times`;

/** A month calendar whose days with free times are buttons, marked; the rest are plain numbers. */
export function MonthGrid(props: MonthGridProps) {
  const { month, counts, selected } = props;
  const title = formatMonth(month);
  const weekdays = weekdayNames();
  return (
    <div className="month-grid">
      <div className="month-grid__head">
        <Button
          size="small"
          variant="ghost"
          aria-label="Previous month"
          disabled={!props.canGoBack}
          onClick={() => props.onPage(-1)}
        >
          ‹
        </Button>
        <h3 className="month-grid__title" aria-live="polite">
          {title}
        </h3>
        <Button
          size="small"
          variant="ghost"
          aria-label="Next month"
          disabled={!props.canGoForward}
          onClick={() => props.onPage(1)}
        >
          ›
        </Button>
      </div>
      <table className="month-grid__table" aria-label={`Days in ${title}`}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.long} scope="col" abbr={day.long} className="month-grid__weekday">
                {day.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {weekdays.map((weekday, column) => {
                const date = week[column];
                if (!date) return <td key={weekday.long} className="month-grid__cell" />;
                const count = counts.get(date) ?? 0;
                const chosen = date === selected;
                return (
                  <td key={weekday.long} className="month-grid__cell">
                    <button
                      type="button"
                      className={[
                        'month-grid__day',
                        count > 0 ? 'month-grid__day--free' : '',
                        chosen ? 'month-grid__day--chosen' : '',
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      data-date={date}
                      disabled={count === 0}
                      aria-pressed={count > 0 ? chosen : undefined}
                      aria-label={`${formatCalendarDate(date)}, ${timesText(count)}`}
                      onClick={() => props.onSelect(date)}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
