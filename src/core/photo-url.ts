/**
 * The address of a member's photo, as every listing shows it. Its `v` changes
 * only when the photo does (keys are never reused), so browsers may cache it
 * for long and still never show a stale one.
 */
export function photoUrlFor(userId: string, photoKey: string | null): string | null {
  if (!photoKey) return null;
  const version = photoKey.split('/').pop()?.split('.')[0] ?? '';
  return `/api/users/${userId}/photo?v=${version}`;
}
