// The create / edit drawer every list uses: a titled drawer whose footer submits the form.
import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useT } from '../../app/i18n/locale-provider';

export interface FormDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  submitting?: boolean;
  children: ReactNode;
  width?: number;
  submitText?: ReactNode;
}

export function FormDrawer({
  open,
  title,
  onClose,
  onSubmit,
  submitting,
  children,
  width = 560,
  submitText,
}: FormDrawerProps) {
  const t = useT();
  const size = typeof window !== 'undefined' ? Math.min(width, window.innerWidth) : width;
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={size}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose} data-testid="form-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={submitting} onClick={onSubmit} data-testid="form-submit">
            {submitText ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
