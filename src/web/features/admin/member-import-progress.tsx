import type { MemberImport } from '../../api/types.ts';

/** What an import did (or has done so far), in words. */
export function importOutcomeText(record: MemberImport): string {
  const parts = [
    `${record.created} new account${record.created === 1 ? '' : 's'}`,
    `${record.joined} joined`,
    `${record.updated} updated`,
    `${record.unchanged} unchanged`,
  ];
  return parts.join(', ');
}

/** An import under way or done: a progress bar that follows each committed batch. */
export function MemberImportProgress({ record }: { record: MemberImport }) {
  const running = record.status === 'running';
  return (
    <div className="import-progress">
      <label className="import-progress__label">
        {running ? 'Importing…' : 'Imported'} {record.processed.toLocaleString('en')} of{' '}
        {record.totalRows.toLocaleString('en')} rows
        <progress
          className="import-progress__bar"
          max={record.totalRows}
          value={record.processed}
        />
      </label>
      <p className="muted">{importOutcomeText(record)}</p>
    </div>
  );
}
