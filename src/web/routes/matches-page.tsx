import { PageHeader } from '../ui/page-header.tsx';

/** Placeholder while this page is being built. */
export function MatchesPage() {
  return <PageHeader title="Matches" />;
}
