// "/" sends phones to the mobile shell and desktop users to their first permitted page.
import { Navigate } from 'react-router';
import { useMe } from '../auth/use-me';
import { visibleMenuEntries } from '../layout/menu-config';

export function HomeRedirect() {
  const me = useMe();
  const isPhone = typeof window !== 'undefined' && window.matchMedia('(max-width: 767px)').matches;
  const entries = visibleMenuEntries(me.permissions);
  const onlyProfile = entries.every((e) => e.key === 'profile');
  if (isPhone || onlyProfile) return <Navigate to="/m" replace />;
  return <Navigate to={entries[0]?.path ?? '/profile'} replace />;
}
