import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { ok, undeclaredBody } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { useApi } from '../auth/session-context.tsx';
import { PaperclipIcon } from './paperclip-icon.tsx';
import {
  formatFileSize,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_LENGTH,
  sendErrorMessage,
} from './thread-display.ts';
import type { Message } from './types.ts';

type MessageComposerProps = {
  orgId: string;
  threadId: string;
  otherName: string;
  onSent: (message: Message) => void;
};

/**
 * Writes into a thread: text (Enter sends, Shift+Enter starts a new line)
 * and at most one file, sent as multipart form data when there is one.
 */
export function MessageComposer({ orgId, threadId, otherName, onSent }: MessageComposerProps) {
  const api = useApi();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasContent = body.trim() !== '' || file !== null;

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    // Cleared so that choosing the same file again after removing it still counts.
    event.target.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_ATTACHMENT_BYTES) {
      setError(`${chosen.name} is ${formatFileSize(chosen.size)}: attach files of at most 10 MB.`);
      return;
    }
    setError(null);
    setFile(chosen);
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (pending) return;
    if (!hasContent) {
      setError('Write a message or attach a file first.');
      return;
    }
    setPending(true);
    setError(null);
    const path = '/api/orgs/{orgId}/threads/{threadId}/messages' as const;
    const params = { path: { orgId, threadId } };
    try {
      let message: Message;
      if (file) {
        const data = new FormData();
        // Text fields before the file: the server reads the parts in order.
        data.append('body', body);
        data.append('file', file, file.name);
        message = await ok(api.POST(path, { params, body: undeclaredBody(data) }));
      } else {
        message = await ok(api.POST(path, { params, body: undeclaredBody({ body }) }));
      }
      // Clear only what was sent: the next message may already be under way.
      setBody((current) => (current === body ? '' : current));
      setFile((current) => (current === file ? null : current));
      onSent(message);
    } catch (err) {
      setError(sendErrorMessage(err, otherName));
    } finally {
      setPending(false);
      textarea.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // Enter on an empty box does nothing rather than scold.
    if (hasContent) form.current?.requestSubmit();
  }

  return (
    <form ref={form} className="composer" aria-label="Write a message" onSubmit={send} noValidate>
      {error ? (
        <p className="composer__error" role="alert">
          {error}
        </p>
      ) : null}
      {file ? (
        <p className="composer__file">
          <PaperclipIcon />
          <span className="composer__file-name">{file.name}</span>
          <span className="composer__file-size">{formatFileSize(file.size)}</span>
          <button
            type="button"
            className="composer__file-remove"
            aria-label={`Remove ${file.name}`}
            onClick={() => setFile(null)}
          >
            ✕
          </button>
        </p>
      ) : null}
      <div className="composer__row">
        <label className="button button--ghost composer__attach" title="Attach a file">
          <PaperclipIcon size={20} />
          <input
            type="file"
            className="visually-hidden"
            aria-label="Attach a file"
            onChange={chooseFile}
          />
        </label>
        <textarea
          ref={textarea}
          className="input textarea composer__input"
          aria-label="Message"
          aria-describedby={`${id}-hint`}
          placeholder={`Write to ${otherName}…`}
          rows={2}
          maxLength={MAX_MESSAGE_LENGTH}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" variant="primary" pending={pending}>
          Send
        </Button>
      </div>
      <p className="composer__hint" id={`${id}-hint`}>
        Enter sends, Shift+Enter starts a new line. Files up to 10 MB.
      </p>
    </form>
  );
}
