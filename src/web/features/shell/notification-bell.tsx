import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ok } from '../../api.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';

const NotificationList = lazy(async () => ({
  default: (await import('./notification-list.tsx')).NotificationList,
}));

/**
 * The bell: how many notifications are unread, and the latest ones. Opening
 * it marks them read. Kept current by live events (use-api-query.ts).
 */
export function NotificationBell() {
  const api = useApi();
  const zone = useViewerTimeZone();
  const data = useApiQuery('/api/me/notifications');
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const unread = data.data?.unread ?? 0;

  // Closes on a click elsewhere, or Escape (focus back on the bell).
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector<HTMLButtonElement>('.bell__button')?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open]);

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next && unread > 0) {
      await ok(api.POST('/api/me/notifications/read', { body: {} }));
      data.reload();
    }
  }

  return (
    <div className="bell" ref={ref}>
      <button
        type="button"
        className="button button--ghost bell__button"
        aria-expanded={open}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => void toggle()}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.4 15.5a2.5 2.5 0 0 0 4.8 0Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 ? <span className="bell__count">{unread}</span> : null}
      </button>
      {open ? (
        <section className="bell__panel" aria-label="Notifications">
          <Suspense fallback={<p className="bell__empty">Loading…</p>}>
            <NotificationList
              notifications={data.data?.notifications ?? []}
              zone={zone}
              onFollow={() => setOpen(false)}
            />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
}
