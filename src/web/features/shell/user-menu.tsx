import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Avatar } from '../../ui/avatar.tsx';
import { Button } from '../../ui/button.tsx';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { useSession, useSignedInUser } from '../auth/session-context.tsx';

const menuId = 'user-menu-items';

/**
 * The signed-in user's name, links to their profile and account, and sign
 * out. Wide screens show it all; narrow ones fold the links behind the name.
 */
export function UserMenu() {
  const user = useSignedInUser();
  const { signOut } = useSession();
  const location = useLocation();
  const isNarrow = useMediaQuery('(max-width: 720px)');
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const menuRef = useRef<HTMLDivElement>(null);

  // Close the folded menu whenever the page changes.
  useEffect(() => {
    void location.pathname;
    setOpen(false);
  }, [location.pathname]);

  // …and on a click elsewhere or Escape, like any menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      menuRef.current?.querySelector<HTMLButtonElement>('.user-menu__toggle')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  // Signing out ends this page: the session guard then sends the browser to /sign-in.
  async function handleSignOut() {
    setSigningOut(true);
    await signOut();
  }

  const identity = (
    <>
      <Avatar name={user.name} photoUrl={user.photoUrl} size="small" decorative />
      <span className="user-menu__name">{user.name}</span>
    </>
  );
  return (
    <div className={open ? 'user-menu user-menu--open' : 'user-menu'} ref={menuRef}>
      {isNarrow ? (
        <button
          type="button"
          className="user-menu__toggle"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((value) => !value)}
        >
          {identity}
        </button>
      ) : (
        <span className="user-menu__identity">{identity}</span>
      )}
      <ul className="user-menu__items" id={menuId}>
        <li>
          <NavLink to="/me" className="user-menu__link">
            My profile
          </NavLink>
        </li>
        <li>
          <NavLink to="/account" className="user-menu__link">
            Account
          </NavLink>
        </li>
        <li>
          <Button variant="ghost" size="small" onClick={handleSignOut} pending={signingOut}>
            Sign out
          </Button>
        </li>
      </ul>
    </div>
  );
}
