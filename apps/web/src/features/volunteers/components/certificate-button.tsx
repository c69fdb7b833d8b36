// "开具服务时长证明" on the phone's hours page: the member picks a period (this year so far by
// default), the server issues the certificate, and its Word file is downloaded. When the period
// holds no confirmed hours the server answers 409 and its message is shown.
import { useState } from 'react';
import { App, Button, DatePicker, Flex, Modal, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { useIssueCertificate } from '../api/volunteers-api';

export function CertificateButton() {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs().startOf('year'));
  const [to, setTo] = useState<Dayjs | null>(() => dayjs());
  const issue = useIssueCertificate();

  const submit = () => {
    if (!from || !to) return;
    issue.mutate(
      { from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT) },
      {
        onSuccess: (certificate) => {
          void message.success(t('volunteers.certificate.done', { number: certificate.number }));
          setOpen(false);
        },
        onError: (error) => showApiError(error, message),
      },
    );
  };

  return (
    <>
      <Button block icon={<FileWordOutlined />} onClick={() => setOpen(true)} data-testid="certificate-open">
        {t('volunteers.certificate.action')}
      </Button>
      <Modal
        open={open}
        title={t('volunteers.certificate.title')}
        okText={t('volunteers.certificate.submit')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !from || !to || from.isAfter(to), loading: issue.isPending }}
        destroyOnHidden
        data-testid="certificate-modal"
      >
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('volunteers.certificate.period')}</Typography.Text>
          <Flex gap={8} align="center">
            <DatePicker
              value={from}
              onChange={setFrom}
              format={DATE_FORMAT}
              inputReadOnly
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ flex: 1 }}
              data-testid="certificate-from"
            />
            <span>–</span>
            <DatePicker
              value={to}
              onChange={setTo}
              format={DATE_FORMAT}
              inputReadOnly
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || (from !== null && d.isBefore(from, 'day'))}
              style={{ flex: 1 }}
              data-testid="certificate-to"
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('volunteers.certificate.hint')}
          </Typography.Text>
        </Flex>
      </Modal>
    </>
  );
}
