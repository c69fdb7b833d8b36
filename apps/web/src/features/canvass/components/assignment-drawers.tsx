// The two assignment forms of the drive planner. 批量分派: pick units × communities (every pair
// becomes an assignment), the target households of each, optionally the same buildings list for
// each, and a note; all or nothing. 编辑分派: one assignment's target, note and buildings (a
// building with visits cannot be removed; its name is kept).
import { App, Alert, Form, Input, InputNumber, Typography } from 'antd';
import { TEXT_LIMITS } from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import { showApiError } from '../../../shared/form-errors';
import { cleanBuildings, householdTotal } from '../api/buildings';
import { useCreateAssignments, useUpdateAssignment } from '../api/canvass-api';
import type { Assignment, BuildingInput } from '../api/canvass-types';
import { BuildingsEditor } from './buildings-editor';
import { CommunityMultiSelect } from './community-select';

interface AddValues {
  unitIds: number[];
  communityIds: number[];
  targetHouseholds: number | null;
  buildings: BuildingInput[];
  note: string;
}

export function AddAssignmentsDrawer({ driveId, onClose }: { driveId: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateAssignments(driveId);
  const unitIds = Form.useWatch('unitIds', form) ?? [];
  const communityIds = Form.useWatch('communityIds', form) ?? [];
  const buildings = Form.useWatch('buildings', form) ?? [];
  const pairs = unitIds.length * communityIds.length;

  const submit = async () => {
    const v = await form.validateFields();
    const list = cleanBuildings(v.buildings);
    const target = v.targetHouseholds ?? householdTotal(list);
    const items = v.unitIds.flatMap((unitId) =>
      v.communityIds.map((communityId) => ({
        unitId,
        communityId,
        targetHouseholds: target,
        note: v.note.trim() || null,
        ...(list.length > 0 ? { buildings: list } : {}),
      })),
    );
    create.mutate(
      { items },
      {
        onSuccess: (r) => {
          void message.success(t('canvass.assignment.created', { count: r.created }));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('canvass.assignment.add')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
      submitText={t('canvass.assignment.addSubmit', { count: pairs })}
      width={680}
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        name="assignments"
        initialValues={{ unitIds: [], communityIds: [], targetHouseholds: null, buildings: [], note: '' }}
      >
        <Form.Item
          name="unitIds"
          label={t('canvass.assignment.units')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
        >
          <UnitMultiSelect maxCount={200} />
        </Form.Item>
        <Form.Item
          name="communityIds"
          label={t('canvass.assignment.communities')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
        >
          <CommunityMultiSelect />
        </Form.Item>
        {pairs > 1000 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('canvass.assignment.tooMany', { max: 1000 })}
          />
        ) : pairs > 0 ? (
          <Typography.Paragraph type="secondary">
            {t('canvass.assignment.pairs', { count: pairs })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name="targetHouseholds"
          label={t('canvass.assignment.target')}
          extra={t('canvass.assignment.targetHint', { total: householdTotal(buildings) })}
        >
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            style={{ width: 200 }}
            suffix={t('canvass.unit.households')}
            data-testid="assign-target"
          />
        </Form.Item>
        <Form.Item
          name="buildings"
          label={t('canvass.assignment.buildings')}
          extra={t('canvass.assignment.buildingsHint')}
        >
          <BuildingsEditor />
        </Form.Item>
        <Form.Item name="note" label={t('canvass.assignment.note')}>
          <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface EditValues {
  targetHouseholds: number;
  buildings: BuildingInput[];
  note: string;
}

export function EditAssignmentDrawer({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateAssignment();
  const buildings = Form.useWatch('buildings', form) ?? [];
  const locked = new Set(assignment.buildings.filter((b) => b.visitedHouseholds > 0).map((b) => b.name));

  const submit = async () => {
    const v = await form.validateFields();
    update.mutate(
      {
        id: assignment.id,
        body: {
          targetHouseholds: v.targetHouseholds,
          note: v.note.trim() || null,
          buildings: cleanBuildings(v.buildings),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('canvass.assignment.editTitle', { unit: assignment.unit.name, community: assignment.community.name })}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={update.isPending}
      width={640}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="assignment"
        initialValues={{
          targetHouseholds: assignment.targetHouseholds,
          note: assignment.note ?? '',
          buildings: assignment.buildings.map((b) => ({ name: b.name, targetHouseholds: b.targetHouseholds })),
        }}
      >
        <Form.Item
          name="targetHouseholds"
          label={t('canvass.assignment.target')}
          extra={t('canvass.assignment.targetHint', { total: householdTotal(buildings) })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            style={{ width: 200 }}
            suffix={t('canvass.unit.households')}
          />
        </Form.Item>
        <Form.Item name="buildings" label={t('canvass.assignment.buildings')}>
          <BuildingsEditor locked={locked} />
        </Form.Item>
        <Form.Item name="note" label={t('canvass.assignment.note')}>
          <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
