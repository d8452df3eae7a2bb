import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError, ok } from '../../api.ts';
import { useApi } from '../auth/session-context.tsx';
import type { Message } from './types.ts';

/** Which thread: the path parameters of its routes. */
export type ThreadRef = { orgId: string; threadId: string };

/** Keeps the newest message in view, unless the reader has scrolled up to read older ones. */
export function useStickToBottom(newestId: string | undefined) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current;
    // Runs for each new newest message.
    if (el && newestId !== undefined && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [newestId]);
  const stick = useCallback(() => {
    atBottom.current = true;
  }, []);
  return { scroller, onScroll, stick };
}

/**
 * Marks the thread read up to `unreadKey` (the newest message from the other
 * person) once per message, and only while the page is in view: a message
 * arriving in a background tab stays unread until the tab is looked at.
 */
export function useMarkRead(thread: ThreadRef, unreadKey: string | null, onRead: () => void) {
  const api = useApi();
  const marked = useRef<string | null>(null);
  const latestOnRead = useRef(onRead);
  useEffect(() => {
    latestOnRead.current = onRead;
  });
  useEffect(() => {
    if (!unreadKey) return;
    const mark = () => {
      if (document.visibilityState !== 'visible' || marked.current === unreadKey) return;
      marked.current = unreadKey;
      const params = { path: thread };
      ok(api.POST('/api/orgs/{orgId}/threads/{threadId}/read', { params, body: {} })).then(
        () => latestOnRead.current(),
        () => {
          // Tried again on the next message or the next return to the page.
          marked.current = null;
        },
      );
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [api, thread, unreadKey]);
}

/** Pages older than the latest 200 messages, fetched with `before` on request. */
export function useEarlierPages(thread: ThreadRef, scroller: RefObject<HTMLDivElement | null>) {
  const api = useApi();
  const [pages, setPages] = useState<{ messages: Message[]; hasMore: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (oldest: Message) => {
      const el = scroller.current;
      const heightBefore = el?.scrollHeight ?? 0;
      setPending(true);
      setError(null);
      try {
        const page = await ok(
          api.GET('/api/orgs/{orgId}/threads/{threadId}', {
            params: { path: thread, query: { before: oldest.createdAt } },
          }),
        );
        setPages((current) => ({
          messages: [...page.messages, ...(current?.messages ?? [])],
          hasMore: page.hasMore,
        }));
        // Keeps the message that was at the top where the reader saw it.
        requestAnimationFrame(() => {
          if (el) el.scrollTop += el.scrollHeight - heightBefore;
        });
      } catch (err) {
        setError(describeError(err));
      } finally {
        setPending(false);
      }
    },
    [api, thread, scroller],
  );

  return { pages, pending, error, load };
}
