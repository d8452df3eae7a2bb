import { NamedCreateForm } from './named-create-form.tsx';

export function CreateGroupForm({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  return (
    <NamedCreateForm
      noun="group"
      path={`/api/orgs/${orgId}/groups`}
      descriptionRows={2}
      onCreated={onCreated}
    />
  );
}
