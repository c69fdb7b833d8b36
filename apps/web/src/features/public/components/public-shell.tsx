// The frame of the public pages (no sign-in): a slim red header with the city's name and the
// language switch, a centred column at most 640 px wide (phone first: 375 px without sideways
// scrolling) and, when the city is known, links between "report a problem" and the board.
import { useEffect, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { LangSwitch } from '../../../app/layout/lang-switch';

export interface PublicShellProps {
  /** City name for the header; the app name until it is known. */
  cityName?: string | null;
  /** 12-digit city code: shows the report / board links. */
  cityCode?: string | null;
  /** Page title (browser tab). */
  title: string;
  children: ReactNode;
  testId: string;
}

export function PublicShell({ cityName, cityCode, title, children, testId }: PublicShellProps) {
  const t = useT();

  useEffect(() => {
    const before = document.title;
    document.title = cityName ? `${title} · ${cityName}` : title;
    return () => {
      document.title = before;
    };
  }, [title, cityName]);

  const linkStyle = ({ isActive }: { isActive: boolean }): React.CSSProperties => ({
    flex: 1,
    textAlign: 'center',
    padding: '10px 4px',
    fontSize: 15,
    color: isActive ? '#c0392b' : '#595959',
    fontWeight: isActive ? 600 : 400,
    borderBottom: `2px solid ${isActive ? '#c0392b' : 'transparent'}`,
    textDecoration: 'none',
  });

  return (
    <div
      data-testid={testId}
      style={{
        minHeight: '100vh',
        background: '#f5f5f5',
        display: 'flex',
        flexDirection: 'column',
        overflowX: 'hidden',
      }}
    >
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#c0392b',
          color: '#fff',
          paddingTop: 'env(safe-area-inset-top)',
        }}
      >
        <div
          style={{
            maxWidth: 640,
            margin: '0 auto',
            height: 48,
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          <div style={{ flex: 1, minWidth: 0, lineHeight: 1.2 }}>
            <div
              style={{
                fontSize: 17,
                fontWeight: 600,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
              data-testid="public-city-name"
            >
              {cityName || t('app.name')}
            </div>
            <div
              style={{
                fontSize: 11,
                opacity: 0.85,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {t('public.shell.tagline')}
            </div>
          </div>
          <LangSwitch />
        </div>
      </header>
      {cityCode ? (
        <nav style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ maxWidth: 640, margin: '0 auto', display: 'flex' }}>
            <NavLink to={`/public/${cityCode}/report`} style={linkStyle} data-testid="public-nav-report">
              {t('public.shell.report')}
            </NavLink>
            <NavLink to={`/public/${cityCode}/board`} style={linkStyle} data-testid="public-nav-board">
              {t('public.shell.board')}
            </NavLink>
          </div>
        </nav>
      ) : null}
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: 640,
          margin: '0 auto',
          padding: 12,
          paddingBottom: 'calc(24px + env(safe-area-inset-bottom))',
          boxSizing: 'border-box',
          minWidth: 0,
        }}
      >
        {children}
      </main>
      <footer style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c', padding: '8px 12px 16px' }}>
        {t('public.shell.footer')}
      </footer>
    </div>
  );
}
