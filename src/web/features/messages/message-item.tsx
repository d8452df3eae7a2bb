import { formatClock, formatDateTime } from '../../ui/format-date-time.ts';
import { PaperclipIcon } from './paperclip-icon.tsx';
import { formatFileSize } from './thread-display.ts';
import type { Message } from './types.ts';

type MessageItemProps = {
  orgId: string;
  message: Message;
  mine: boolean;
  senderName: string;
  viewerZone: string;
};

/** One message: mine on the right, its files as downloads, its time in the viewer's zone. */
export function MessageItem({ orgId, message, mine, senderName, viewerZone }: MessageItemProps) {
  return (
    <li className={mine ? 'message message--mine' : 'message'}>
      <div className="message__bubble">
        <span className="visually-hidden">{mine ? 'You' : senderName}: </span>
        {message.body ? <p className="message__body">{message.body}</p> : null}
        {message.attachments.length > 0 ? (
          <ul className="message__files" aria-label="Attachments">
            {message.attachments.map((file) => (
              <li key={file.id} className="message__file">
                <a
                  className="message__file-link"
                  href={`/api/orgs/${orgId}/attachments/${file.id}`}
                  download={file.filename}
                >
                  <PaperclipIcon />
                  {file.filename}
                </a>{' '}
                <span className="message__file-size">{formatFileSize(file.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <time
        className="message__time"
        dateTime={message.createdAt}
        title={formatDateTime(message.createdAt, viewerZone)}
      >
        {formatClock(message.createdAt, viewerZone)}
      </time>
    </li>
  );
}
