import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';

export function NotFoundPage() {
  return (
    <main className="centered-page">
      <EmptyState title="Page not found" icon="🧭">
        <p>There is nothing at this address.</p>
        <Link to="/">Go to Confer</Link>
      </EmptyState>
    </main>
  );
}
