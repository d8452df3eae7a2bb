import { type ChangeEvent, useEffect, useId, useState } from 'react';
import type { Profile } from '../../api/types.ts';
import { ok, undeclaredBody } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Avatar } from '../../ui/avatar.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession } from '../auth/session-context.tsx';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

type PhotoUploaderProps = { profile: Profile; onChange: (profile: Profile) => void };

/** Uploads as soon as a file is picked, previewing it meanwhile; the photo can be removed. */
export function PhotoUploader({ profile, onChange }: PhotoUploaderProps) {
  const { api, refresh } = useSession();
  const inputId = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const submission = useSubmission();

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setDone(null);
    setLocalError(null);
    submission.reset();
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      setLocalError('Choose a JPEG, PNG, WebP or GIF image.');
    } else if (file.size > MAX_BYTES) {
      setLocalError('The photo must be 5 MB or smaller.');
    } else {
      setPreview(URL.createObjectURL(file));
      const form = new FormData();
      form.append('photo', file);
      const result = await submission.run(() =>
        ok(api.PUT('/api/me/photo', { body: undeclaredBody(form) })),
      );
      setPreview(null);
      if (result.ok) {
        onChange(result.value);
        setDone('Photo updated');
        await refresh();
      }
    }
    input.value = '';
  }

  async function remove() {
    setDone(null);
    setLocalError(null);
    const result = await submission.run(() => ok(api.DELETE('/api/me/photo')));
    if (result.ok) {
      onChange({ ...profile, hasPhoto: false, photoUrl: null });
      setDone('Photo removed');
      await refresh();
    }
  }

  const error = localError ?? submission.fieldErrors.photo ?? submission.error;
  return (
    <div className="photo-uploader">
      <Avatar name={profile.name} photoUrl={preview ?? profile.photoUrl} size="large" />
      <div className="photo-uploader__controls">
        <label className="field__label" htmlFor={inputId}>
          Photo
        </label>
        <input
          id={inputId}
          className="file-input"
          type="file"
          name="photo"
          accept={ACCEPTED.join(',')}
          disabled={submission.pending}
          aria-describedby={`${inputId}-hint`}
          onChange={upload}
        />
        <p className="field__hint" id={`${inputId}-hint`}>
          JPEG, PNG, WebP or GIF, up to 5 MB.
        </p>
        {profile.hasPhoto ? (
          <Button size="small" variant="danger" onClick={remove} pending={submission.pending}>
            Remove photo
          </Button>
        ) : null}
        <ErrorAlert message={error} />
        {done ? <Alert tone="success">{done}</Alert> : null}
      </div>
    </div>
  );
}
