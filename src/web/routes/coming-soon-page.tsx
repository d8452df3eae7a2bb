import { EmptyState } from '../ui/empty-state.tsx';
import { PageHeader } from '../ui/page-header.tsx';

type ComingSoonPageProps = { title: string; heading: string; icon: string; description: string };

/** Sections that are planned but not built yet. */
export function ComingSoonPage({ title, heading, icon, description }: ComingSoonPageProps) {
  return (
    <>
      <PageHeader title={title} />
      <div className="card">
        <EmptyState title={heading} icon={icon}>
          <p>{description}</p>
        </EmptyState>
      </div>
    </>
  );
}
