import type { ReactNode } from 'react';
import { Card } from '../../ui/card.tsx';

type ReportCardProps = {
  title: string;
  description?: string;
  /** the CSV download of this chart's data */
  csvUrl: string;
  children: ReactNode;
  /** the numbers behind the chart, as a table (shown on request) */
  numbers?: ReactNode;
};

/** One report: its chart or figures, its numbers as a table, and its data as CSV. */
export function ReportCard({ title, description, csvUrl, children, numbers }: ReportCardProps) {
  return (
    <Card
      title={title}
      description={description}
      actions={
        <a href={csvUrl} download>
          Download CSV<span className="visually-hidden"> of {title}</span>
        </a>
      }
    >
      {children}
      {numbers ? (
        <details className="report-numbers">
          <summary>The numbers</summary>
          <div className="table-wrap">{numbers}</div>
        </details>
      ) : null}
    </Card>
  );
}

/** Figures side by side: a label and a value each. */
export function StatTiles({ stats }: { stats: { label: string; value: string }[] }) {
  return (
    <dl className="stat-tiles">
      {stats.map((s) => (
        <div key={s.label} className="stat-tile">
          <dt>{s.label}</dt>
          <dd>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A plain table of rows under a header row. */
export function NumbersTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="table table--dense">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('\u0000')}>
            {row.map((cell, i) => (
              <td key={head[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
