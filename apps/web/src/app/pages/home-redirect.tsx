// "/" sends phones to the mobile shell and desktop users to their first permitted page.
import { Navigate } from 'react-router';
import { useMe } from '../auth/use-me';
import { visibleMenuEntries } from '../layout/menu-config';

export function HomeRedirect() {
  const me = useMe();
  const isPhone = typeof window !== 'undefined' && window.matchMedia('(max-width: 767px)').matches;
  const entries = visibleMenuEntries(me.permissions);
  // Reporters (residents, members, canvassers) see only their own cases: their place is the phone shell.
  const worksCases = (['case.manage', 'case.handle', 'case.verify'] as const).some((p) => me.permissions.includes(p));
  const desk = entries.filter((e) => e.group !== 'personal' && (e.key !== 'cases' || worksCases));
  if (isPhone || desk.length === 0) return <Navigate to="/m" replace />;
  return <Navigate to={desk[0].path} replace />;
}
