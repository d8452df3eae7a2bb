import { type ChangeEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MemberImportReport } from '../../api/types.ts';
import { ok } from '../../api.ts';
import {
  importOutcomeText,
  MemberImportProgress,
} from '../../features/admin/member-import-progress.tsx';
import { useApi, useViewerTimeZone } from '../../features/auth/session-context.tsx';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';

type Chosen = { name: string; csv: string; report: MemberImportReport };

/**
 * Admin → Import (issue #13): choose a CSV file and it is checked at once
 * (every bad row by line and column); a file without problems is imported
 * with a live progress bar, a batch at a time, and listed below.
 */
export function AdminImportPage() {
  const { orgId = '' } = useParams();
  const api = useApi();
  const timeZone = useViewerTimeZone();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [sendInvitations, setSendInvitations] = useState(true);
  const [importId, setImportId] = useState<string | null>(null);
  const checking = useSubmission();
  const importing = useSubmission();
  const recent = useApiQuery('/api/orgs/{orgId}/member-imports', { params: { path: { orgId } } });
  const current = useApiQuery(importId ? '/api/orgs/{orgId}/member-imports/{importId}' : null, {
    params: { path: { orgId, importId: importId ?? '' } },
  });

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same (fixed) file again is a change too.
    event.target.value = '';
    if (!file) return;
    setChosen(null);
    setImportId(null);
    const csv = await file.text();
    const result = await checking.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/member-imports/check', {
          params: { path: { orgId } },
          body: { csv },
        }),
      ),
    );
    if (result.ok) setChosen({ name: file.name, csv, report: result.value });
  }

  async function start() {
    if (!chosen) return;
    const result = await importing.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/member-imports', {
          params: { path: { orgId } },
          body: { csv: chosen.csv, fileName: chosen.name, sendInvitations },
        }),
      ),
    );
    if (result.ok) {
      setImportId(result.value.import.id);
      setChosen(null);
      recent.reload();
    }
  }

  const report = chosen?.report;
  const problems = report?.problems ?? [];
  const importable = report ? report.rows - new Set(problems.map((p) => p.line)).size : 0;
  return (
    <div className="stack">
      <Card
        title="Import members"
        id="import"
        description="A CSV file with a header line: name and email, and any of role (admin, member, mentor or mentee), programs (“Program (mentor); Other (mentee)”), groups, time_zone, skills and location. The members export reads back in."
      >
        <div className="stack stack--tight">
          <label className="file-pick">
            <span className="field__label">CSV file</span>
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={choose}
              disabled={checking.pending}
            />
          </label>
          <Checkbox
            label="Email each new account a link to choose a password"
            checked={sendInvitations}
            onChange={(event) => setSendInvitations(event.target.checked)}
          />
        </div>
        <ErrorAlert message={checking.error ?? importing.error} />
        {checking.pending ? <p className="muted">Checking the file…</p> : null}
        {report && problems.length > 0 ? (
          <section aria-labelledby="import-problems" className="import-report">
            <StatusAlert
              tone="error"
              message={`${chosen?.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${report.rows} rows. Nothing is imported until they are fixed; then choose the file again.`}
            />
            <h3 id="import-problems" className="visually-hidden">
              Problems in the file
            </h3>
            <div className="table-wrap">
              <table className="table table--dense table--stack">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p) => (
                    <tr key={`${p.line} ${p.field} ${p.message}`}>
                      <td data-label="Line">{p.line}</td>
                      <td data-label="Column">{p.field}</td>
                      <td data-label="Problem">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        {report && problems.length === 0 ? (
          <div className="import-report">
            <StatusAlert
              message={`${chosen?.name}: ${report.rows} rows, no problems. Importing makes ${report.outcomes.created} new accounts; ${report.outcomes.joined} existing accounts join, ${report.outcomes.updated} members are updated, ${report.outcomes.unchanged} are already as the file says.`}
            />
            {report.newGroups.length > 0 ? (
              <p className="muted">New groups: {report.newGroups.join(', ')}.</p>
            ) : null}
            {report.ignoredColumns.length > 0 ? (
              <p className="muted">Columns not read: {report.ignoredColumns.join(', ')}.</p>
            ) : null}
            <Button variant="primary" pending={importing.pending} onClick={start}>
              Import {importable} members
            </Button>
          </div>
        ) : null}
        {current.data ? (
          <>
            <MemberImportProgress record={current.data.import} />
            {current.data.import.status === 'done' ? (
              <StatusAlert
                message={
                  <>
                    Import finished: {importOutcomeText(current.data.import)}.{' '}
                    <Link to={`/o/${orgId}/admin/members`}>See them in Members</Link>
                  </>
                }
              />
            ) : null}
          </>
        ) : null}
      </Card>
      <Card title="Recent imports" id="recent-imports">
        {recent.data && recent.data.imports.length === 0 ? (
          <p className="muted">No imports yet.</p>
        ) : null}
        {recent.data && recent.data.imports.length > 0 ? (
          <div className="table-wrap">
            <table className="table table--dense table--stack">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">File</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {recent.data.imports.map((record) => (
                  <tr key={record.id}>
                    <td data-label="When" className="nowrap">
                      {formatDateTime(record.createdAt, timeZone)}
                    </td>
                    <td data-label="File">{record.fileName || '—'}</td>
                    <td data-label="Rows">
                      {record.processed} / {record.totalRows}
                    </td>
                    <td data-label="Result">
                      {record.status === 'running' ? 'Importing… ' : ''}
                      {importOutcomeText(record)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
