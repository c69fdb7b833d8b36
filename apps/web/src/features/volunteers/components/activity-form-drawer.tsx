// Publish or edit a volunteer activity: type (the 五个一 item it counts for shown), title,
// content, theme, community, campaign, time, meeting place with the check-in position and radius
// (or "use my position"), and places. Server field errors land on their fields.
import { useMemo, useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Typography, DatePicker } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { useQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../../../app/api';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RemoteSelect, useRemoteSearch } from '../../../shared/components/remote-select';
import { showApiError } from '../../../shared/form-errors';
import { isLocateError, locate } from '../../../shared/geolocation';
import { activityBody, activityFormValues, type ActivityFormValues } from '../api/activity-form';
import type { ActivityDetail } from '../api/volunteer-types';
import { useActivityTypes, useSaveActivity } from '../api/volunteers-api';
import { CommunitySelect } from './community-select';

function CampaignSelect({
  id,
  value,
  onChange,
  initialLabel,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel: string | null;
}) {
  const t = useT();
  const search = useRemoteSearch();
  const query = useQuery({
    queryKey: ['campaigns', 'options', search.q],
    queryFn: ({ signal }) =>
      apiFetch<Page<{ id: number; name: string; startsOn: string; endsOn: string }>>('/api/campaigns', {
        query: { q: search.q, page: 1, pageSize: 30 },
        signal,
      }).then((p) => p.items),
    enabled: search.opened,
    staleTime: 60_000,
  });
  const options = useMemo(
    () => (query.data ?? []).map((c) => ({ value: c.id, label: c.name, hint: `${c.startsOn} – ${c.endsOn}` })),
    [query.data],
  );
  const known = useMemo(
    () => new Map(value != null && initialLabel ? [[value, initialLabel]] : []),
    [value, initialLabel],
  );
  return (
    <RemoteSelect<number | null>
      id={id}
      search={search}
      loading={query.isFetching}
      options={options}
      value={value ?? null}
      onChange={onChange}
      known={known}
      placeholder={t('volunteers.form.campaign')}
    />
  );
}

export function ActivityFormDrawer({
  activity,
  onClose,
  onSaved,
}: {
  activity: ActivityDetail | null;
  onClose: () => void;
  onSaved: (a: ActivityDetail) => void;
}) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  const types = useActivityTypes();
  const save = useSaveActivity();
  const [locating, setLocating] = useState(false);
  const typeCode = Form.useWatch('typeCode', form);
  const fiveOne = types.data?.find((x) => x.code === typeCode)?.fiveOne ?? null;

  const submit = () =>
    void form.validateFields().then((values) =>
      save.mutate(
        { id: activity?.id ?? null, body: activityBody(values) },
        {
          onSuccess: (a) => {
            void message.success(activity ? t('common.saved') : t('volunteers.activities.created'));
            onSaved(a);
            onClose();
          },
          onError: (e) => showApiError(e, message, form),
        },
      ),
    );

  const fillMyPosition = () => {
    setLocating(true);
    locate()
      .then((fix) => form.setFieldsValue({ lng: fix.lng, lat: fix.lat }))
      .catch((e: unknown) => message.error(isLocateError(e) ? t(`volunteers.scan.locate.${e.reason}`) : String(e)))
      .finally(() => setLocating(false));
  };

  return (
    <FormDrawer
      open
      title={activity ? t('volunteers.activities.edit') : t('volunteers.activities.create')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      width={640}
    >
      <Form<ActivityFormValues>
        form={form}
        layout="vertical"
        initialValues={activityFormValues(activity)}
        name="activity"
      >
        <Form.Item
          name="typeCode"
          label={t('volunteers.form.type')}
          rules={[{ required: true, message: t('volunteers.form.typeRequired') }]}
          extra={fiveOne ? t('volunteers.activities.fiveOne', { item: t(`volunteers.fiveOne.${fiveOne}`) }) : undefined}
        >
          <Select
            loading={types.isLoading}
            options={(types.data ?? [])
              .filter((x) => x.active || x.code === activity?.type.code)
              .map((x) => ({ value: x.code, label: x.name }))}
            data-testid="activity-type"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('volunteers.form.title')}
          rules={[
            { required: true, whitespace: true, message: t('volunteers.form.titleRequired') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
          ]}
        >
          <Input data-testid="activity-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('volunteers.form.description')}
          rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="theme"
              label={t('volunteers.form.theme')}
              rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="communityId"
              label={t('volunteers.form.community')}
              tooltip={t('volunteers.form.communityHint')}
            >
              <CommunitySelect placeholder={t('volunteers.form.community')} testId="activity-community" />
            </Form.Item>
          </Col>
        </Row>
        {can('campaign.read') ? (
          <Form.Item name="campaignId" label={t('volunteers.form.campaign')}>
            <CampaignSelect initialLabel={activity?.campaign?.name ?? null} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="time"
          label={t('volunteers.form.time')}
          rules={[
            {
              validator: (_r, v: ActivityFormValues['time']) =>
                v && v[0] && v[1] ? Promise.resolve() : Promise.reject(new Error(t('volunteers.form.timeRequired'))),
            },
          ]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="activity-time"
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('volunteers.form.place')}
          rules={[
            { required: true, whitespace: true, message: t('volunteers.form.placeRequired') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
          ]}
        >
          <Input data-testid="activity-place" />
        </Form.Item>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('volunteers.form.geoHint')}
        </Typography.Text>
        <Row gutter={12} align="bottom">
          <Col xs={12} sm={8}>
            <Form.Item
              name="lng"
              label={t('volunteers.form.lng')}
              rules={[{ required: true, message: t('volunteers.form.coordRequired') }]}
            >
              <InputNumber
                min={-180}
                max={180}
                step={0.000001}
                precision={6}
                style={{ width: '100%' }}
                data-testid="activity-lng"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="lat"
              label={t('volunteers.form.lat')}
              rules={[{ required: true, message: t('volunteers.form.coordRequired') }]}
            >
              <InputNumber
                min={-90}
                max={90}
                step={0.000001}
                precision={6}
                style={{ width: '100%' }}
                data-testid="activity-lat"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item>
              <Button block icon={<AimOutlined />} loading={locating} onClick={fillMyPosition}>
                {t('volunteers.form.useMyLocation')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="radiusM" label={t('volunteers.form.radius')} tooltip={t('volunteers.form.radiusHint')}>
              <InputNumber min={20} max={5000} precision={0} style={{ width: '100%' }} data-testid="activity-radius" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="capacity"
              label={t('volunteers.form.capacity')}
              tooltip={t('volunteers.form.capacityHint')}
            >
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="activity-capacity"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
