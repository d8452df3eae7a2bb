import { PageHeader } from '../ui/page-header.tsx';

/** Placeholder while this page is being built. */
export function MessagesPage() {
  return <PageHeader title="Messages" />;
}
