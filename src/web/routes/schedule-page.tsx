import { useParams, useSearchParams } from 'react-router';
import { useSignedInUser } from '../features/auth/session-context.tsx';
import { DateOverridesCard } from '../features/availability/date-overrides-card.tsx';
import { defaultAvailability } from '../features/availability/default-availability.ts';
import { OutsideCalendarsCard } from '../features/availability/outside-calendars-card.tsx';
import { SessionTypesCard } from '../features/availability/session-types-card.tsx';
import { WeekView } from '../features/availability/week-view.tsx';
import { WeeklyHoursCard } from '../features/availability/weekly-hours-card.tsx';
import type { MentorOption } from '../features/sessions/session-draft.ts';
import { SessionManager } from '../features/sessions/session-manager.tsx';
import { Alert, ErrorAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { type TabItem, Tabs } from '../ui/tabs.tsx';
import { useApiQuery } from '../use-api-query.ts';

/** A mentor's weekly hours, session types, date overrides and the sessions they run here. */
export function SchedulePage() {
  const { orgId = '' } = useParams();
  const me = useSignedInUser();
  const availability = useApiQuery('/api/me/availability');
  const member = useApiQuery('/api/orgs/{orgId}/members/{userId}', {
    params: { path: { orgId, userId: me.id } },
  });
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const sessions = useApiQuery('/api/me/sessions');
  // `?mentee=…&program=…`: book a session with a mentee who asked for one.
  const [params, setParams] = useSearchParams();
  const menteeId = params.get('mentee');
  const startWith = menteeId
    ? { menteeId, ...(params.get('program') ? { programId: params.get('program') ?? '' } : {}) }
    : undefined;

  const mentorProgramIds = (member.data?.programs ?? [])
    .filter((membership) => membership.role === 'mentor')
    .map((membership) => membership.programId);
  const isMentor = mentorProgramIds.length > 0;
  const mentors: MentorOption[] = [
    { userId: me.id, name: me.name, timeZone: me.timeZone, programIds: mentorProgramIds },
  ];
  const mySessions = sessions.data?.sessions.filter(
    (session) => session.orgId === orgId && session.mentor.userId === me.id,
  );

  // No schedule saved yet: start from an empty one rather than an error.
  const current =
    availability.data ??
    (availability.error?.status === 404 ? defaultAvailability(me.timeZone) : undefined);

  const bookings = useApiQuery('/api/me/bookings', { params: { query: { orgId } } });
  // Seed 004 "Schedule → Settings": sections of their own, the week first.
  const tab = params.get('tab') ?? (menteeId ? 'sessions' : 'week');
  const choose = (id: string) => setParams(id === 'week' ? {} : { tab: id }, { replace: true });
  const tabs: TabItem[] = isMentor
    ? [
        {
          id: 'week',
          label: 'Week',
          panel: (
            <WeekView
              zone={current?.timeZone ?? me.timeZone}
              mentorId={me.id}
              availability={current}
              bookings={(bookings.data?.bookings ?? []).filter((b) => b.orgId === orgId)}
              sessions={mySessions ?? []}
              onEditHours={() => choose('hours')}
            />
          ),
        },
        {
          id: 'hours',
          label: 'Hours & booking settings',
          panel: current ? (
            <WeeklyHoursCard availability={current} onSaved={availability.setData} />
          ) : (
            <ErrorAlert message={availability.error?.message} />
          ),
        },
        {
          id: 'overrides',
          label: 'Date overrides',
          panel: current ? (
            <DateOverridesCard availability={current} onChanged={availability.setData} />
          ) : (
            <ErrorAlert message={availability.error?.message} />
          ),
        },
        {
          id: 'calendars',
          label: 'Calendars',
          panel: <OutsideCalendarsCard />,
        },
        {
          id: 'types',
          label: 'Session types',
          panel: <SessionTypesCard slotLengths={current?.slotLengths} />,
        },
        {
          id: 'sessions',
          label: 'My sessions',
          panel: (
            <SessionManager
              title="My sessions"
              description="Sessions you run in this organisation; times in your time zone."
              emptyText="You have no sessions here yet."
              orgId={orgId}
              sessions={mySessions}
              loading={sessions.loading}
              error={sessions.error?.message ?? programs.error?.message}
              mentors={mentors}
              chooseMentor={false}
              programs={programs.data?.programs ?? []}
              onChanged={sessions.reload}
              startWith={startWith}
            />
          ),
        },
      ]
    : [];

  return (
    <>
      <PageHeader
        title="Schedule"
        subtitle="When mentees can book you, and the sessions you run."
      />
      <div className="stack">
        {member.data && !isMentor ? (
          <Alert tone="info">
            You are not a mentor in any program here, so there is no schedule to keep. An admin can
            make you one.
          </Alert>
        ) : null}
        {availability.loading || member.loading ? <Loading /> : null}
        {isMentor && !availability.loading ? (
          <Tabs label="Schedule" tabs={tabs} selected={tab} onSelect={choose} />
        ) : null}
      </div>
    </>
  );
}
