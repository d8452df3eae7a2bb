type AvatarProps = {
  name: string;
  /** The photo's URL, or null to show initials. */
  photoUrl: string | null;
  size?: 'small' | 'medium' | 'large';
  /** When the name is written next to it, the picture needs no text of its own. */
  decorative?: boolean;
};

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A round photo, or the person's initials on a tinted disc. */
export function Avatar({ name, photoUrl, size = 'medium', decorative = false }: AvatarProps) {
  const className = `avatar avatar--${size}`;
  if (photoUrl) {
    return <img className={className} src={photoUrl} alt={decorative ? '' : `Photo of ${name}`} />;
  }
  return (
    <span className={`${className} avatar--initials`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
