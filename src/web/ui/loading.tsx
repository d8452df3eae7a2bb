/** A quiet placeholder while a request runs. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" aria-live="polite">
      <span className="loading__dot" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A whole page waiting for its first answer. */
export function PageLoading() {
  return (
    <main className="centered-page">
      <Loading />
    </main>
  );
}
