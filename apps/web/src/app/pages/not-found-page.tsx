// 404 for unknown client routes.
import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../i18n/locale-provider';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
