import { PhotoUploader } from '../features/profile/photo-uploader.tsx';
import { ProfileForm } from '../features/profile/profile-form.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { Card } from '../ui/card.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';

export function MyProfilePage() {
  const profile = useApiQuery('/api/me/profile');
  return (
    <div className="narrow">
      <PageHeader title="My profile" subtitle="What members of your organisations see about you." />
      {profile.loading ? <Loading /> : null}
      <ErrorAlert message={profile.error?.message} />
      {profile.data ? (
        <div className="stack">
          <Card title="Your picture">
            <PhotoUploader profile={profile.data} onChange={profile.setData} />
          </Card>
          <Card title="About you">
            <ProfileForm profile={profile.data} onSaved={profile.setData} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
