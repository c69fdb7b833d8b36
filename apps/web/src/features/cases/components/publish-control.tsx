// "公开到曝光台": a switch for case.manage users. Turning it on asks which photos the public board
// may show (metadata-free copies are served to the public); turning it off hides the case again.
import { useState } from 'react';
import { App, Checkbox, Image, Modal, Space, Switch, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { fileUrl, type CaseDetail } from '../../../shared/cases/cases-api';
import { usePublishCase } from '../api/cases-admin-api';

export function PublishControl({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const publish = usePublishCase(detail.id);
  const [picking, setPicking] = useState(false);
  const candidates = detail.photos.filter((p) => p.kind === 'before' || p.kind === 'after');
  const [chosen, setChosen] = useState<string[]>([]);

  const open = () => {
    const already = detail.photos.filter((p) => p.isPublic).map((p) => p.fileId);
    setChosen(already.length > 0 ? already : candidates.map((p) => p.fileId));
    setPicking(true);
  };

  const send = (isPublic: boolean, publicPhotos?: string[]) =>
    publish.mutate(
      { isPublic, publicPhotos },
      {
        onSuccess: () => {
          void message.success(isPublic ? t('cases.publish.on') : t('cases.publish.off'));
          setPicking(false);
        },
        onError: (error) => showApiError(error, message),
      },
    );

  return (
    <>
      <Space size={6}>
        <Switch
          checked={detail.isPublic}
          loading={publish.isPending}
          onChange={(on) => (on ? open() : send(false))}
          data-testid="publish-switch"
        />
        <Typography.Text>{t('cases.publish.label')}</Typography.Text>
        {detail.isPublic ? (
          <Typography.Link onClick={open} style={{ fontSize: 12 }}>
            {t('cases.publish.photos')}
          </Typography.Link>
        ) : null}
      </Space>
      {picking ? (
        <Modal
          open
          title={t('cases.publish.title')}
          onCancel={() => setPicking(false)}
          onOk={() => send(true, chosen)}
          okText={t('cases.publish.confirm')}
          okButtonProps={{ loading: publish.isPending }}
          destroyOnHidden
          width={620}
        >
          <Typography.Paragraph type="secondary">{t('cases.publish.hint')}</Typography.Paragraph>
          {candidates.length === 0 ? (
            <Typography.Text type="secondary">{t('cases.photos.none')}</Typography.Text>
          ) : (
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
              <Space size={12} wrap>
                {candidates.map((p) => (
                  <Space key={p.fileId} orientation="vertical" size={4} align="center">
                    <Image
                      src={fileUrl(p.fileId, 'public')}
                      width={96}
                      height={96}
                      alt=""
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                    />
                    <Checkbox value={p.fileId}>{t(`cases.photos.${p.kind}`)}</Checkbox>
                  </Space>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Modal>
      ) : null}
    </>
  );
}
