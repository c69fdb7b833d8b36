// The form items of a ledger task, shared by the bulk assignment drawer and the edit drawer:
// content, standard, source clause, activity; the schedule (once by a date, or weekly / monthly /
// quarterly between two dates on a given day); the evidence each report must carry; weight,
// responsible person, cooperating units and a note. Dates are dayjs in the form; toTaskValues
// turns them into the API's strings.
import { Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_LIMITS, RECURRENCE_KINDS, type RecurrenceKind } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT } from '../../../shared/format';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import type { CampaignDetail, Ref } from '../api/campaign-types';
import type { TaskValues } from '../api/form-values';
import { LAST_DAY, weekdayName } from '../api/ledger-format';

type DateFields = 'dueOn' | 'repeatFrom' | 'repeatUntil';
export type TaskFormValues = Omit<TaskValues, DateFields> & { [K in DateFields]?: Dayjs | null };

const day = (d: Dayjs | null | undefined) => (d ? d.format(DATE_FORMAT) : null);
const date = (s: string | null | undefined) => (s ? dayjs(s) : null);

export function toTaskValues(v: TaskFormValues): TaskValues {
  return { ...v, dueOn: day(v.dueOn), repeatFrom: day(v.repeatFrom), repeatUntil: day(v.repeatUntil) };
}

export function toTaskFormValues(v: TaskValues): TaskFormValues {
  return { ...v, dueOn: date(v.dueOn), repeatFrom: date(v.repeatFrom), repeatUntil: date(v.repeatUntil) };
}

/** Defaults of a new task: a one-off due at the end of the month, or repeating until the campaign ends. */
export function newTaskFormValues(campaign: CampaignDetail): TaskFormValues {
  const today = dayjs();
  const start = today.isAfter(dayjs(campaign.startsOn)) ? today : dayjs(campaign.startsOn);
  const end = dayjs(campaign.endsOn);
  const monthEnd = start.endOf('month');
  return {
    content: '',
    recurrence: 'once',
    dueOn: monthEnd.isAfter(end) ? end : monthEnd,
    repeatFrom: start,
    repeatUntil: end,
    repeatDay: LAST_DAY,
    evidencePhotos: 1,
    evidenceFiles: 0,
    weight: 1,
    cooperatingUnitIds: [],
  };
}

const DAYS_OF_MONTH = Array.from({ length: LAST_DAY - 1 }, (_, i) => i + 1);

export interface TaskFieldsProps<T extends TaskFormValues> {
  form: FormInstance<T>;
  campaign: CampaignDetail;
  /** The schedule may no longer change (a unit has reported). */
  scheduleLocked?: boolean;
  knownCooperating?: readonly Ref[];
}

export function TaskFields<T extends TaskFormValues>({
  form,
  campaign,
  scheduleLocked = false,
  knownCooperating,
}: TaskFieldsProps<T>) {
  const t = useT();
  // The fields below are the task's; a wider form (e.g. with the unit picker) is used as one.
  const taskForm = form as unknown as FormInstance<TaskFormValues>;
  const recurrence = (Form.useWatch('recurrence', form) ?? 'once') as RecurrenceKind;
  const metricName = Form.useWatch('metricName', form) as string | null | undefined;
  const required = { required: true, message: t('validation.required') };
  const outside = (d: Dayjs) => d.isBefore(dayjs(campaign.startsOn), 'day') || d.isAfter(dayjs(campaign.endsOn), 'day');
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  const dayOptions =
    recurrence === 'weekly'
      ? [1, 2, 3, 4, 5, 6, 7].map((d) => ({
          value: d,
          label: t('campaigns.recurrence.weekly', { weekday: weekdayName(t, d) }),
        }))
      : [
          ...DAYS_OF_MONTH.map((d) => ({ value: d, label: t('campaigns.task.dayOfMonth', { day: d }) })),
          { value: LAST_DAY, label: t('campaigns.task.lastDay') },
        ];

  return (
    <>
      <Form.Item
        name="content"
        label={t('campaigns.task.content')}
        rules={[
          { ...required, whitespace: true },
          { min: 2, message: t('campaigns.form.nameShort') },
          max(CAMPAIGN_LIMITS.textMax),
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={CAMPAIGN_LIMITS.textMax}
          placeholder={t('campaigns.task.contentPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="standard" label={t('campaigns.task.standard')} rules={[max(CAMPAIGN_LIMITS.textMax)]}>
        <Input.TextArea
          rows={2}
          maxLength={CAMPAIGN_LIMITS.textMax}
          placeholder={t('campaigns.task.standardPlaceholder')}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="sourceClause" label={t('campaigns.task.sourceClause')} rules={[max(100)]}>
            <Input maxLength={100} placeholder={t('campaigns.task.sourceClausePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="activityId" label={t('campaigns.task.activity')}>
            <Select
              allowClear
              placeholder={t('campaigns.task.noActivity')}
              options={campaign.activities.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('campaigns.task.schedule')}
      </Divider>
      <Form.Item name="recurrence" extra={scheduleLocked ? t('campaigns.task.scheduleLocked') : undefined}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          disabled={scheduleLocked}
          options={RECURRENCE_KINDS.map((k) => ({ value: k, label: t(`campaigns.recurrenceKind.${k}`) }))}
          onChange={(e) => {
            const kind = e.target.value as RecurrenceKind;
            const current = taskForm.getFieldValue('repeatDay') as number | null | undefined;
            if (kind === 'weekly' && (!current || current > 7)) taskForm.setFieldValue('repeatDay', 5);
            if (kind !== 'weekly' && kind !== 'once' && !current) taskForm.setFieldValue('repeatDay', LAST_DAY);
          }}
          data-testid="task-recurrence"
        />
      </Form.Item>
      {recurrence === 'once' ? (
        <Form.Item name="dueOn" label={t('campaigns.task.dueOn')} rules={[required]}>
          <DatePicker format={DATE_FORMAT} disabled={scheduleLocked} disabledDate={outside} style={{ width: 200 }} />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="repeatFrom" label={t('campaigns.task.repeatFrom')} rules={[required]}>
              <DatePicker
                format={DATE_FORMAT}
                disabled={scheduleLocked}
                disabledDate={outside}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="repeatUntil" label={t('campaigns.task.repeatUntil')} rules={[required]}>
              <DatePicker
                format={DATE_FORMAT}
                disabled={scheduleLocked}
                disabledDate={outside}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="repeatDay"
              label={recurrence === 'weekly' ? t('campaigns.task.weekday') : t('campaigns.task.day')}
              extra={recurrence === 'quarterly' ? t('campaigns.task.quarterHint') : undefined}
              rules={[required]}
            >
              <Select disabled={scheduleLocked} options={dayOptions} />
            </Form.Item>
          </Col>
        </Row>
      )}

      <Divider titlePlacement="start" plain>
        {t('campaigns.task.evidence')}
      </Divider>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name="evidencePhotos" label={t('campaigns.task.evidencePhotos')}>
            <InputNumber min={0} max={CAMPAIGN_LIMITS.photosMax} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="evidenceFiles" label={t('campaigns.task.evidenceFiles')}>
            <InputNumber min={0} max={CAMPAIGN_LIMITS.filesMax} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={16} sm={8}>
          <Form.Item
            name="metricName"
            label={t('campaigns.task.metricName')}
            tooltip={t('campaigns.task.metricHint')}
            rules={[max(30)]}
          >
            <Input maxLength={30} placeholder={t('campaigns.task.metricPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item name="metricUnit" label={t('campaigns.task.metricUnit')} rules={[max(10)]}>
            <Input
              maxLength={10}
              disabled={!metricName?.trim()}
              placeholder={t('campaigns.task.metricUnitPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('campaigns.task.responsibility')}
      </Divider>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="responsibleName" label={t('campaigns.task.responsibleName')} rules={[max(50)]}>
            <Input maxLength={50} placeholder={t('campaigns.task.responsiblePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item name="weight" label={t('campaigns.task.weight')} tooltip={t('campaigns.task.weightHint')}>
            <InputNumber min={0.1} max={CAMPAIGN_LIMITS.weightMax} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="cooperatingUnitIds" label={t('campaigns.task.cooperatingUnits')}>
            <UnitMultiSelect known={knownCooperating} maxCount={50} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('campaigns.task.note')} rules={[max(500)]}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}
