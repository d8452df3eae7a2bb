import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { SessionOrganisation } from '../../api/types.ts';
import { pathInOtherOrg, rememberOrgId } from './current-org.ts';

type OrgSwitcherProps = { organisations: SessionOrganisation[]; current: SessionOrganisation };

/** A select when there is a choice to make; otherwise just the organisation's name. */
export function OrgSwitcher({ organisations, current }: OrgSwitcherProps) {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();

  if (organisations.length < 2) {
    return <span className="org-switcher__name">{current.name}</span>;
  }

  function switchTo(orgId: string) {
    rememberOrgId(orgId);
    navigate(pathInOtherOrg(location.pathname, orgId));
  }

  return (
    <div className="org-switcher">
      <label className="visually-hidden" htmlFor={id}>
        Organisation
      </label>
      <select
        id={id}
        className="input select org-switcher__select"
        value={current.id}
        onChange={(event) => switchTo(event.target.value)}
      >
        {organisations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}
