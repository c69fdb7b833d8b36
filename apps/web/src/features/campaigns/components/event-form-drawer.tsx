// Record or edit an event of a campaign (活动记录): kind (会议 / 集中宣传日 / 清洁日 / 其他), title,
// time, place, organiser unit, participants, attendance, outcome, photos and files — and for a
// publicity day the places with the units assigned to each.
import { useState } from 'react';
import { App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_LIMITS, EVENT_KINDS, type EventKind } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_TIME_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { PhotoUpload } from '../../../shared/cases/photo-upload';
import { useSaveEvent } from '../api/events-api';
import type { CampaignDetail, EventBody, EventDetail, FileRef } from '../api/campaign-types';
import { FileListUpload } from '../../../shared/components/file-list-upload';

interface Values {
  kind: EventKind;
  title: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  place?: string;
  organiserUnitId?: number | null;
  participants?: string;
  attendance?: number | null;
  outcome?: string;
  photos?: string[];
  files?: FileRef[];
  places?: { place: string; unitIds?: number[] }[];
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function initialValues(event: EventDetail | null): Partial<Values> {
  if (!event) return { kind: 'meeting', startsAt: dayjs().startOf('hour'), photos: [], files: [], places: [] };
  return {
    kind: event.kind,
    title: event.title,
    startsAt: dayjs(event.startsAt),
    endsAt: event.endsAt ? dayjs(event.endsAt) : null,
    place: event.place ?? undefined,
    organiserUnitId: event.organiserUnit?.id ?? null,
    participants: event.participants ?? undefined,
    attendance: event.attendance,
    outcome: event.outcome ?? undefined,
    photos: event.photos,
    files: event.files,
    places: event.places.map((p) => ({ place: p.place, unitIds: p.units.map((u) => u.id) })),
  };
}

export function EventFormDrawer({
  campaign,
  event,
  onClose,
}: {
  campaign: CampaignDetail;
  event: EventDetail | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEvent(campaign.id);
  const kind = Form.useWatch('kind', form) as EventKind | undefined;
  const [uploading, setUploading] = useState(false);
  const knownPlaceUnits = event?.places.flatMap((p) => p.units) ?? [];

  const submit = async () => {
    const v = await form.validateFields();
    if (uploading) {
      void message.warning(t('mobileShared.photo.waitUpload'));
      return;
    }
    const body: EventBody = {
      kind: v.kind,
      title: v.title.trim(),
      startsAt: v.startsAt.toISOString(),
      endsAt: v.endsAt ? v.endsAt.toISOString() : null,
      place: orNull(v.place),
      organiserUnitId: v.organiserUnitId ?? null,
      participants: orNull(v.participants),
      attendance: v.attendance ?? null,
      outcome: orNull(v.outcome),
      photos: v.photos ?? [],
      files: (v.files ?? []).map((f) => f.id),
      places:
        v.kind === 'publicity'
          ? (v.places ?? [])
              .filter((p) => p.place?.trim())
              .map((p) => ({ place: p.place.trim(), unitIds: p.unitIds ?? [] }))
          : [],
    };
    save.mutate(
      { id: event?.id ?? null, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  return (
    <FormDrawer
      open
      title={event ? t('campaigns.event.edit') : t('campaigns.event.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={720}
    >
      <Form<Values> form={form} name="event" layout="vertical" initialValues={initialValues(event)}>
        <Form.Item name="kind" label={t('campaigns.event.kind')}>
          <Radio.Group
            optionType="button"
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`campaigns.eventKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('campaigns.event.title')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('campaigns.form.nameShort') },
            max(CAMPAIGN_LIMITS.nameMax),
          ]}
        >
          <Input maxLength={CAMPAIGN_LIMITS.nameMax} placeholder={t('campaigns.event.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsAt"
              label={t('campaigns.event.startsAt')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsAt"
              label={t('campaigns.event.endsAt')}
              dependencies={['startsAt']}
              rules={[
                {
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const start = form.getFieldValue('startsAt') as Dayjs | undefined;
                    if (value && start && value.isBefore(start)) throw new Error(t('campaigns.event.endBeforeStart'));
                  },
                },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label={t('campaigns.event.place')} rules={[max(200)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="organiserUnitId" label={t('campaigns.event.organiser')}>
              <UnitPicker known={{ id: event?.organiserUnit?.id ?? null, name: event?.organiserUnit?.name ?? null }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="participants" label={t('campaigns.event.participants')} rules={[max(500)]}>
              <Input maxLength={500} placeholder={t('campaigns.event.participantsPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="attendance" label={t('campaigns.event.attendance')}>
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                suffix={t('campaigns.unit.people')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'publicity' ? (
          <Form.Item label={t('campaigns.event.places')} extra={t('campaigns.event.placesHint')}>
            <Form.List name="places">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="flex-start" data-testid="event-place-row">
                      <Form.Item
                        name={[field.name, 'place']}
                        style={{ marginBottom: 0, width: 200 }}
                        rules={[{ required: true, whitespace: true, message: t('validation.required') }, max(100)]}
                      >
                        <Input maxLength={100} placeholder={t('campaigns.event.placeName')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unitIds']} style={{ marginBottom: 0, flex: 1, minWidth: 0 }}>
                        <UnitMultiSelect
                          known={knownPlaceUnits}
                          maxCount={50}
                          placeholder={t('campaigns.event.placeUnits')}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ place: '', unitIds: [] })}
                    disabled={fields.length >= 50}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('campaigns.event.addPlace')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        ) : null}
        <Form.Item name="outcome" label={t('campaigns.event.outcome')} rules={[max(CAMPAIGN_LIMITS.textMax)]}>
          <Input.TextArea rows={4} maxLength={CAMPAIGN_LIMITS.textMax} showCount />
        </Form.Item>
        <Form.Item name="photos" label={t('campaigns.event.photos')}>
          <PhotoUpload max={CAMPAIGN_LIMITS.photosMax} />
        </Form.Item>
        <Form.Item name="files" label={t('campaigns.event.files')}>
          <FileListUpload max={CAMPAIGN_LIMITS.filesMax} onBusyChange={setUploading} testId="event-files" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
