import { type ReactNode, useState } from 'react';
import type { Slot } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { DayTimes } from './day-times.tsx';
import { formatMonth } from './month-calendar.ts';
import { MonthGrid } from './month-grid.tsx';
import { type MonthSlots, slotDate, slotKey } from './use-month-slots.ts';

type SlotPickerProps = {
  picker: MonthSlots;
  viewerZone: string;
  /** Which of the mentor's slots this choice is among (one kind of session, one length). */
  fits: (slot: Slot) => boolean;
  /** "in Maya's time" beside each start. */
  mentorLabel: string;
  selected: Slot | null;
  onSelect: (slot: Slot | null) => void;
  /** Under the chosen day's times: what to do with the chosen one, or another way. */
  children?: ReactNode;
};

/**
 * Month, then day, then time: the days with a free time that fits are
 * marked, a day lists each start once in the viewer's zone with the
 * mentor's clock beside it. Choosing is all it does; the caller acts.
 */
export function SlotPicker(props: SlotPickerProps) {
  const { picker, viewerZone, selected } = props;
  const [day, setDay] = useState<string | null>(null);
  const data = picker.query.data;
  const fitting = (data?.slots ?? [])
    .filter(props.fits)
    .sort((a, b) => a.start.localeCompare(b.start));
  const counts = new Map<string, number>();
  for (const slot of fitting) counts.set(slotDate(slot), (counts.get(slotDate(slot)) ?? 0) + 1);
  // A chosen day whose times have all gone (taken, or another kind chosen) is no longer chosen.
  const shownDay = day && counts.has(day) ? day : null;
  const dayTimes = fitting.filter((slot) => slotDate(slot) === shownDay);

  function page(count: number) {
    setDay(null);
    props.onSelect(null);
    picker.page(count);
  }

  return (
    <div className="slot-picker">
      <div className="slot-picker__calendar">
        <MonthGrid
          month={picker.month}
          counts={counts}
          selected={shownDay}
          onSelect={(date) => {
            setDay(date);
            props.onSelect(null);
          }}
          canGoBack={picker.canGoBack}
          canGoForward={picker.canGoForward}
          onPage={page}
        />
        {picker.query.loading ? <Loading label="Loading free times…" /> : null}
        <ErrorAlert message={picker.query.error?.message} />
      </div>
      <div className="slot-picker__times">
        {data && counts.size === 0 ? (
          <p className="muted">
            No free times in {formatMonth(picker.month)}
            {picker.canGoForward ? ' — try the next month.' : '.'}
          </p>
        ) : null}
        {data && counts.size > 0 && !shownDay ? (
          <p className="muted">Choose a marked day to see its times.</p>
        ) : null}
        {shownDay && data ? (
          <DayTimes
            date={shownDay}
            slots={dayTimes}
            viewerZone={viewerZone}
            mentorZone={data.mentor.timeZone}
            mentorLabel={props.mentorLabel}
            selected={selected ? slotKey(selected) : null}
            onSelect={(slot) =>
              props.onSelect(selected && slotKey(selected) === slotKey(slot) ? null : slot)
            }
          />
        ) : null}
        {props.children}
      </div>
    </div>
  );
}
