import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ResponseOf } from '../../api/types.ts';
import { useViewerTimeZone } from '../../features/auth/session-context.tsx';
import { BarChart, type BarSeries } from '../../features/reports/bar-chart.tsx';
import { NudgeButton } from '../../features/reports/nudge-button.tsx';
import { NumbersTable, ReportCard, StatTiles } from '../../features/reports/report-card.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';

type Reports = ResponseOf<'/api/orgs/{orgId}/reports', 'get'>;
type Filters = { from: string; to: string; programId: string; groupId: string };

const weekly: { key: keyof Reports['sessionsPerWeek'][number]; label: string; color: string }[] = [
  { key: 'completed', label: 'Held', color: '#15803d' },
  { key: 'approved', label: 'Approved', color: '#4338ca' },
  { key: 'pending', label: 'Waiting', color: '#b45309' },
  { key: 'cancelled', label: 'Cancelled', color: '#b91c1c' },
  { key: 'noShow', label: 'No-show', color: '#7c3aed' },
  { key: 'notHeld', label: 'Not taken up', color: '#6b7280' },
];

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
function duration(minutes: number | null) {
  if (minutes === null) return '—';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}
const days = (d: number | null) => (d === null ? '—' : `${d.toFixed(1)} days`);

/**
 * Admin → Reports (issue #13): how the organisation's mentoring is going
 * over a period, for a program or group; every chart's data as CSV.
 */
export function AdminReportsPage() {
  const { orgId = '' } = useParams();
  const timeZone = useViewerTimeZone();
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', programId: '', groupId: '' });
  const query = {
    timeZone,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.programId ? { programId: filters.programId } : {}),
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
  };
  const reports = useApiQuery('/api/orgs/{orgId}/reports', { params: { path: { orgId }, query } });
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const groups = useApiQuery('/api/orgs/{orgId}/groups', { params: { path: { orgId } } });
  const search = new URLSearchParams(query).toString();
  const csv = (chart: string) => `/api/orgs/${orgId}/reports/${chart}.csv?${search}`;
  const r = reports.data;

  return (
    <div className="stack">
      <div className="toolbar toolbar--filters">
        <TextField
          label="From"
          type="date"
          value={filters.from || r?.period.from || ''}
          onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))}
        />
        <TextField
          label="To"
          type="date"
          value={filters.to || r?.period.to || ''}
          onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))}
        />
        <SelectField
          label="Program"
          value={filters.programId}
          onChange={(e) => setFilters((f) => ({ ...f, programId: e.target.value }))}
        >
          <option value="">All programs</option>
          {(programs.data?.programs ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Group"
          value={filters.groupId}
          onChange={(e) => setFilters((f) => ({ ...f, groupId: e.target.value }))}
        >
          <option value="">Everyone</option>
          {(groups.data?.groups ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert message={reports.error?.message} />
      {reports.loading && !r ? <Loading /> : null}
      {r ? <ReportCards reports={r} csv={csv} orgId={orgId} timeZone={timeZone} /> : null}
    </div>
  );
}

function ReportCards({
  reports: r,
  csv,
  orgId,
  timeZone,
}: {
  reports: Reports;
  csv: (chart: string) => string;
  orgId: string;
  timeZone: string;
}) {
  const weekLabels = useMemo(() => r.sessionsPerWeek.map((w) => w.week), [r]);
  const weekSeries = useMemo<BarSeries[]>(
    () =>
      weekly.map((k) => ({
        label: k.label,
        color: k.color,
        values: r.sessionsPerWeek.map((w) => Number(w[k.key])),
      })),
    [r],
  );
  const o = r.outcomes;
  const outcomeRows = useMemo<[string, number][]>(
    () => [
      ['Approved', o.approved],
      ['Rejected', o.rejected],
      ['Expired unanswered', o.expired],
      ['Withdrawn', o.withdrawn],
      ['Cancelled early', o.cancelledEarly],
      ['Cancelled late', o.cancelledLate],
      ['Mentee did not come', o.noShowMentee],
      ['Mentor did not come', o.noShowMentor],
    ],
    [o],
  );
  const outcomeLabels = useMemo(() => outcomeRows.map(([l]) => l), [outcomeRows]);
  const outcomeSeries = useMemo<BarSeries[]>(
    () => [{ label: 'Bookings', color: '#4338ca', values: outcomeRows.map(([, n]) => n) }],
    [outcomeRows],
  );
  const starLabels = useMemo(() => ['1 ★', '2 ★', '3 ★', '4 ★', '5 ★'], []);
  const starSeries = useMemo<BarSeries[]>(
    () => [
      { label: 'By mentees', color: '#4338ca', values: r.ratings.byMentees.byStars },
      { label: 'By mentors', color: '#0f766e', values: r.ratings.byMentors.byStars },
    ],
    [r],
  );
  const skillLabels = useMemo(() => r.skills.map((s) => s.skill), [r]);
  const skillSeries = useMemo<BarSeries[]>(
    () => [{ label: 'Bookings', color: '#0f766e', values: r.skills.map((s) => s.bookings) }],
    [r],
  );
  const totalWeekly = r.sessionsPerWeek.reduce((sum, w) => sum + w.completed + w.approved, 0);

  return (
    <>
      <ReportCard
        title="Sessions per week"
        description={`By the week each session falls in (from Monday), ${r.period.from} to ${r.period.to}.`}
        csvUrl={csv('sessions-per-week')}
        numbers={
          <NumbersTable
            head={['Week from', ...weekly.map((k) => k.label)]}
            rows={r.sessionsPerWeek.map((w) => [w.week, ...weekly.map((k) => w[k.key])])}
          />
        }
      >
        <BarChart
          labels={weekLabels}
          series={weekSeries}
          stacked
          summary={`Sessions per week: ${totalWeekly} held or approved over ${r.sessionsPerWeek.length} weeks.`}
        />
      </ReportCard>
      <div className="report-grid">
        <ReportCard
          title="Requests and what became of them"
          description="Bookings asked for in the period."
          csvUrl={csv('outcomes')}
          numbers={<NumbersTable head={['Outcome', 'Bookings']} rows={outcomeRows} />}
        >
          <StatTiles
            stats={[
              { label: 'Requested', value: String(o.requested) },
              { label: 'Approval rate', value: percent(o.approvalRate) },
              { label: 'Rejection rate', value: percent(o.rejectionRate) },
              { label: 'Expiry rate', value: percent(o.expiryRate) },
            ]}
          />
          <BarChart
            labels={outcomeLabels}
            series={outcomeSeries}
            horizontal
            summary={`Of ${o.requested} requests, ${o.approved} approved, ${o.rejected} rejected, ${o.expired} expired.`}
          />
        </ReportCard>
        <ReportCard
          title="Ratings"
          description="Stars given for the period's sessions."
          csvUrl={csv('ratings')}
          numbers={
            <NumbersTable
              head={['Stars', 'By mentees', 'By mentors']}
              rows={[1, 2, 3, 4, 5].map((s) => [
                s,
                r.ratings.byMentees.byStars[s - 1] ?? 0,
                r.ratings.byMentors.byStars[s - 1] ?? 0,
              ])}
            />
          }
        >
          <StatTiles
            stats={[
              {
                label: 'Average by mentees',
                value: r.ratings.byMentees.average?.toFixed(1) ?? '—',
              },
              {
                label: 'Ratings',
                value: String(r.ratings.byMentees.count + r.ratings.byMentors.count),
              },
            ]}
          />
          <BarChart
            labels={starLabels}
            series={starSeries}
            summary={`${r.ratings.byMentees.count} ratings by mentees, average ${r.ratings.byMentees.average?.toFixed(1) ?? 'none'}.`}
          />
        </ReportCard>
        <ReportCard
          title="How quickly mentors answer"
          description="From a request to the mentor's first answer, for requests of the period."
          csvUrl={csv('answer-times')}
        >
          <StatTiles
            stats={[
              { label: 'Median', value: duration(r.answerTimes.medianMinutes) },
              { label: '90th percentile', value: duration(r.answerTimes.p90Minutes) },
              { label: 'Answered', value: String(r.answerTimes.answered) },
            ]}
          />
        </ReportCard>
        <ReportCard
          title="Time to a first session"
          description="From joining an open program, or being matched, to the first session."
          csvUrl={csv('first-session')}
        >
          <StatTiles
            stats={[
              { label: 'Median', value: days(r.firstSession.medianDays) },
              { label: '90th percentile', value: days(r.firstSession.p90Days) },
              { label: 'Had one', value: String(r.firstSession.withSession) },
              { label: 'Not yet', value: String(r.firstSession.withoutSession) },
            ]}
          />
        </ReportCard>
        <ReportCard
          title="Most booked skills"
          description="The skills of the mentors booked in the period."
          csvUrl={csv('skills')}
          numbers={
            <NumbersTable
              head={['Skill', 'Bookings']}
              rows={r.skills.map((s) => [s.skill, s.bookings])}
            />
          }
        >
          {r.skills.length > 0 ? (
            <BarChart
              labels={skillLabels}
              series={skillSeries}
              horizontal
              summary={`Most booked skill: ${r.skills[0]?.skill}.`}
            />
          ) : (
            <p className="muted">No bookings in the period.</p>
          )}
        </ReportCard>
        <ReportCard title="Busiest mentors" csvUrl={csv('busiest-mentors')}>
          <NumbersTable
            head={['Mentor', 'Sessions', 'Requests']}
            rows={r.busiestMentors.map((m) => [m.name, m.sessions, m.requests])}
          />
        </ReportCard>
      </div>
      <ReportCard
        title={`Matches with no session in ${r.quietMatches.days} days`}
        description="Active matches with nothing held, approved or asked for lately. Nudge reminds both."
        csvUrl={csv('quiet-matches')}
      >
        {r.quietMatches.matches.length === 0 ? (
          <p className="muted">Every match has met or planned a session.</p>
        ) : (
          <ul className="item-list">
            {r.quietMatches.matches.map((m) => (
              <li key={m.matchId} className="item-list__item">
                <div>
                  <p className="item-list__title">
                    <Link to={`/o/${orgId}/people/${m.mentorId}`}>{m.mentorName}</Link> ↔{' '}
                    <Link to={`/o/${orgId}/people/${m.menteeId}`}>{m.menteeName}</Link>
                  </p>
                  <p className="item-list__meta">
                    {m.programName} · matched {formatDate(m.matchedAt, timeZone)} ·{' '}
                    {m.lastSessionAt
                      ? `last session ${formatDate(m.lastSessionAt, timeZone)}`
                      : 'no session yet'}
                  </p>
                </div>
                <NudgeButton
                  orgId={orgId}
                  body={{ kind: 'quiet_match', matchId: m.matchId }}
                  who={`${m.mentorName} and ${m.menteeName}`}
                />
              </li>
            ))}
          </ul>
        )}
      </ReportCard>
      <ReportCard
        title="Mentors with unanswered requests"
        description="Requests waiting for the mentor now, longest waiting first. Nudge reminds the mentor."
        csvUrl={csv('unanswered-mentors')}
      >
        {r.unansweredMentors.length === 0 ? (
          <p className="muted">No request is waiting for a mentor.</p>
        ) : (
          <ul className="item-list">
            {r.unansweredMentors.map((m) => (
              <li key={m.mentorId} className="item-list__item">
                <div>
                  <p className="item-list__title">
                    <Link to={`/o/${orgId}/people/${m.mentorId}`}>{m.name}</Link>
                  </p>
                  <p className="item-list__meta">
                    {m.waiting} waiting · oldest since {formatDate(m.oldestAt, timeZone)}
                  </p>
                </div>
                <NudgeButton
                  orgId={orgId}
                  body={{ kind: 'unanswered_requests', mentorId: m.mentorId }}
                  who={m.name}
                />
              </li>
            ))}
          </ul>
        )}
      </ReportCard>
    </>
  );
}
