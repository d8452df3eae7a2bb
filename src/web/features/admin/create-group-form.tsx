import { ok } from '../../api.ts';
import { useApi } from '../auth/session-context.tsx';
import { NamedCreateForm } from './named-create-form.tsx';

export function CreateGroupForm({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const api = useApi();
  return (
    <NamedCreateForm
      noun="group"
      create={(body) =>
        ok(api.POST('/api/orgs/{orgId}/groups', { params: { path: { orgId } }, body }))
      }
      descriptionRows={2}
      onCreated={onCreated}
    />
  );
}
