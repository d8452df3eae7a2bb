import { Button } from './button.tsx';

type PagerProps = {
  /** names the navigation, e.g. "Pages of members" */
  label: string;
  page: number;
  pageSize: number;
  /** how many rows this page shows */
  shown: number;
  /** how many rows the filters find in all */
  total: number;
  onPage: (page: number) => void;
};

/** "51–100 of 1,204" with Previous and Next, for lists the server pages. */
export function Pager({ label, page, pageSize, shown, total, onPage }: PagerProps) {
  if (total === 0) return null;
  const first = page * pageSize + 1;
  const last = page * pageSize + shown;
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__status" aria-live="polite">
        {first}–{last} of {total.toLocaleString('en')}
      </p>
      <Button size="small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button size="small" disabled={last >= total} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
