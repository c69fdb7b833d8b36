// 征询表批量录入 (/canvass/batch): a clerk types in the paper 群众意见建议征询表 of one assignment — a
// row per household: building, door, consent and name, phone, materials handed out, the opinions
// (one per line) and the day of the visit. Enter moves to the next cell (Shift+Enter starts a new
// line of opinions), Enter on the last cell adds a row. All rows go in one request, saved together
// or refused; a refusal names the row and column, shown on the cell. The rows are kept on this
// computer until sent, each with its own idempotency key, so sending twice records nothing twice.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { TEXT_LIMITS } from '@cc/common/canvass';
import { isApiError } from '../../../app/api';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { newIdempotencyKey } from '../../../shared/cases/cases-api';
import { browserStorage, readDraftText, removeDraft, writeDraftJson } from '../../../shared/draft-storage';
import { DATE_FORMAT } from '../../../shared/format';
import { useMyAssignments, useSubmitBatch } from '../api/canvass-api';
import {
  BATCH_COLUMNS,
  checkRow,
  emptyRow,
  isBlankRow,
  opinionLines,
  parseBatchDraft,
  rowErrorsOf,
  visitOfRow,
  type BatchColumn,
  type BatchRow,
  type RowErrors,
} from '../api/batch-rows';
import type { MyAssignment } from '../api/canvass-types';

type Errors = Map<string, RowErrors & { row?: string }>;

const draftKey = (userId: number) => `cc.canvass.batch.${userId}`;
const today = () => dayjs().format(DATE_FORMAT);

export default function BatchEntryPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const assignments = useMyAssignments();
  const submit = useSubmitBatch();
  const storage = browserStorage();
  const [initial] = useState(() => parseBatchDraft(readDraftText(storage, draftKey(me.id))));
  const [assignmentId, setAssignmentId] = useState<number | null>(initial?.assignmentId ?? null);
  const [driveId, setDriveId] = useState<number | null>(null);
  const [rows, setRows] = useState<BatchRow[]>(() =>
    initial && initial.rows.length > 0 ? initial.rows : [emptyRow(newIdempotencyKey(), today())],
  );
  const [errors, setErrors] = useState<Errors>(new Map());
  const [banner, setBanner] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const list = useMemo(() => assignments.data ?? [], [assignments.data]);
  const assignment: MyAssignment | null = list.find((a) => a.id === assignmentId) ?? null;
  const drives = useMemo(() => {
    const seen = new Map<number, string>();
    for (const a of list) seen.set(a.drive.id, a.drive.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [list]);
  const currentDrive = assignment?.drive.id ?? driveId ?? drives[0]?.id ?? null;

  useEffect(() => {
    writeDraftJson(storage, draftKey(me.id), { assignmentId, rows });
  }, [storage, me.id, assignmentId, rows]);

  const texts = {
    noConsent: t('canvass.visit.nameNoConsent'),
    phone: t('validation.phone'),
    tooLong: (max: number) => t('validation.maxLength', { max }),
    tooMany: (max: number) => t('canvass.visit.tooManyOpinions', { max }),
    date: t('canvass.batch.dateMissing'),
  };

  const setRow = (key: string, patch: Partial<BatchRow>) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setErrors((m) => {
      if (!m.has(key)) return m;
      const copy = new Map(m);
      const e = { ...copy.get(key) };
      for (const k of Object.keys(patch)) delete e[k as BatchColumn];
      delete e.row;
      copy.set(key, e);
      return copy;
    });
  };

  const addRow = (focus = false) => {
    const last = rows[rows.length - 1];
    const row = emptyRow(newIdempotencyKey(), last?.visitedOn || today(), assignment ? assignment.drive.materials : []);
    setRows((list) => (list.length >= TEXT_LIMITS.batch ? list : [...list, row]));
    if (focus) window.setTimeout(() => focusCell(rows.length, 0), 0);
  };

  const focusCell = (rowIndex: number, col: number) => {
    // The marked element may be the input itself or a wrapper (select, checkbox) holding it.
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${rowIndex}-${col}"]`);
    const target = el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea');
    if (target && !(target as HTMLInputElement).disabled) target.focus();
    else if (col + 1 < BATCH_COLUMNS.length) focusCell(rowIndex, col + 1);
  };

  /** Enter moves on (Shift+Enter is a new line of opinions); Enter on the last cell adds a row. */
  const onEnter = (rowIndex: number, col: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = col + 1;
    if (next < BATCH_COLUMNS.length) focusCell(rowIndex, next);
    else if (rowIndex + 1 < rows.length) focusCell(rowIndex + 1, 0);
    else addRow(true);
  };

  const pickAssignment = (id: number | null) => {
    setAssignmentId(id);
    const a = list.find((x) => x.id === id);
    // Buildings belong to the assignment; materials default to the drive's for untouched rows.
    setRows((rs) =>
      rs.map((r) => ({
        ...r,
        buildingId: a && a.buildings.some((b) => b.id === r.buildingId) ? r.buildingId : null,
        materials:
          a && r.materials.length === 0 ? a.drive.materials : r.materials.filter((m) => a?.drive.materials.includes(m)),
      })),
    );
  };

  const send = () => {
    setBanner(null);
    if (!assignment) {
      setBanner({ type: 'error', text: t('canvass.batch.pickAssignment') });
      return;
    }
    const filled = rows.filter((r) => !isBlankRow(r));
    if (filled.length === 0) {
      setBanner({ type: 'error', text: t('canvass.batch.nothing') });
      return;
    }
    const local: Errors = new Map();
    for (const r of filled) {
      const e = checkRow(r, texts);
      if (Object.keys(e).length > 0) local.set(r.key, e);
    }
    setErrors(local);
    if (local.size > 0) {
      setBanner({ type: 'error', text: t('canvass.batch.fix', { count: local.size }) });
      return;
    }
    submit.mutate(
      filled.map((r) => visitOfRow(r, assignment.id)),
      {
        onSuccess: (result) => {
          setBanner({
            type: 'success',
            text: t('canvass.batch.saved', { created: result.created, replayed: result.replayed }),
          });
          void message.success(t('canvass.batch.savedShort', { count: result.created + result.replayed }));
          setErrors(new Map());
          setRows([emptyRow(newIdempotencyKey(), filled[filled.length - 1].visitedOn, assignment.drive.materials)]);
          removeDraft(storage, draftKey(me.id));
        },
        onError: (error) => {
          const fields = isApiError(error) ? (error.details?.fields ?? []) : [];
          const placed = rowErrorsOf(
            fields,
            filled.map((r) => r.key),
            error.message,
          );
          setErrors(placed.byRow);
          // The first few row errors spelled out, for cells scrolled out of view.
          const rowTexts = [...placed.byRow].slice(0, 5).map(([key, e]) =>
            t('canvass.batch.rowError', {
              n: rows.findIndex((r) => r.key === key) + 1,
              text: Object.values(e).filter(Boolean).join('；'),
            }),
          );
          const parts = [error.message, ...rowTexts, ...placed.unplaced].filter((x, i, a) => a.indexOf(x) === i);
          setBanner({
            type: 'error',
            text:
              placed.byRow.size > 0
                ? `${t('canvass.batch.refused', { count: placed.byRow.size })} ${parts.join('；')}`
                : parts.join('；'),
          });
        },
      },
    );
  };

  const cellError = (key: string, col: BatchColumn) => errors.get(key)?.[col];
  const errorText = (text: string | undefined) =>
    text ? (
      <div style={{ color: '#cf1322', fontSize: 12, lineHeight: 1.3, marginTop: 2 }} data-testid="cell-error">
        {text}
      </div>
    ) : null;
  const col = (name: BatchColumn) => BATCH_COLUMNS.indexOf(name);

  const columns: TableColumnsType<BatchRow> = [
    {
      title: '#',
      key: 'n',
      width: 44,
      render: (_v, r, i) => (
        <Tooltip title={errors.get(r.key)?.row}>
          <span style={{ color: errors.get(r.key)?.row ? '#cf1322' : undefined }}>{i + 1}</span>
        </Tooltip>
      ),
    },
    {
      title: t('canvass.visit.building'),
      key: 'buildingId',
      width: 140,
      render: (_v, r, i) => (
        <>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            value={r.buildingId ?? undefined}
            disabled={!assignment || assignment.buildings.length === 0}
            onChange={(v) => setRow(r.key, { buildingId: v ?? null })}
            options={(assignment?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
            status={cellError(r.key, 'buildingId') ? 'error' : undefined}
            data-cell={`${i}-${col('buildingId')}`}
            data-testid="batch-building"
          />
          {errorText(cellError(r.key, 'buildingId'))}
        </>
      ),
    },
    {
      title: t('canvass.visit.household'),
      key: 'household',
      width: 120,
      render: (_v, r, i) => (
        <>
          <Input
            value={r.household}
            maxLength={TEXT_LIMITS.household}
            onChange={(e) => setRow(r.key, { household: e.target.value })}
            onKeyDown={onEnter(i, col('household'))}
            status={cellError(r.key, 'household') ? 'error' : undefined}
            data-cell={`${i}-${col('household')}`}
            data-testid="batch-household"
          />
          {errorText(cellError(r.key, 'household'))}
        </>
      ),
    },
    {
      title: t('canvass.batch.consent'),
      key: 'nameConsent',
      width: 64,
      align: 'center',
      render: (_v, r, i) => (
        <Checkbox
          checked={r.nameConsent}
          onChange={(e) =>
            setRow(r.key, e.target.checked ? { nameConsent: true } : { nameConsent: false, intervieweeName: '' })
          }
          onKeyDown={onEnter(i, col('nameConsent'))}
          data-cell={`${i}-${col('nameConsent')}`}
          data-testid="batch-consent"
        />
      ),
    },
    {
      title: t('canvass.visit.name'),
      key: 'intervieweeName',
      width: 110,
      render: (_v, r, i) => (
        <>
          <Input
            value={r.intervieweeName}
            disabled={!r.nameConsent}
            maxLength={TEXT_LIMITS.name}
            onChange={(e) => setRow(r.key, { intervieweeName: e.target.value })}
            onKeyDown={onEnter(i, col('intervieweeName'))}
            status={cellError(r.key, 'intervieweeName') ? 'error' : undefined}
            data-cell={`${i}-${col('intervieweeName')}`}
            data-testid="batch-name"
          />
          {errorText(cellError(r.key, 'intervieweeName'))}
        </>
      ),
    },
    {
      title: t('canvass.visit.phone'),
      key: 'phone',
      width: 140,
      render: (_v, r, i) => (
        <>
          <Input
            value={r.phone}
            maxLength={20}
            inputMode="tel"
            onChange={(e) => setRow(r.key, { phone: e.target.value })}
            onKeyDown={onEnter(i, col('phone'))}
            status={cellError(r.key, 'phone') ? 'error' : undefined}
            data-cell={`${i}-${col('phone')}`}
            data-testid="batch-phone"
          />
          {errorText(cellError(r.key, 'phone'))}
        </>
      ),
    },
    {
      title: t('canvass.visit.materials'),
      key: 'materials',
      width: 180,
      render: (_v, r, i) => (
        <>
          <Select<string[]>
            mode="multiple"
            style={{ width: '100%' }}
            maxTagCount="responsive"
            value={r.materials}
            disabled={!assignment}
            onChange={(v) => setRow(r.key, { materials: v })}
            options={(assignment?.drive.materials ?? []).map((m) => ({ value: m, label: m }))}
            data-cell={`${i}-${col('materials')}`}
          />
          {errorText(cellError(r.key, 'materials'))}
        </>
      ),
    },
    {
      title: (
        <Tooltip title={t('canvass.batch.opinionsHint')}>
          <span>{t('canvass.batch.opinions')}</span>
        </Tooltip>
      ),
      key: 'opinions',
      render: (_v, r, i) => (
        <>
          <Input.TextArea
            value={r.opinions}
            autoSize={{ minRows: 1, maxRows: 6 }}
            onChange={(e) => setRow(r.key, { opinions: e.target.value })}
            onKeyDown={onEnter(i, col('opinions'))}
            status={cellError(r.key, 'opinions') ? 'error' : undefined}
            data-cell={`${i}-${col('opinions')}`}
            data-testid="batch-opinions"
            style={{ minWidth: 240 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('canvass.batch.opinionCount', { count: opinionLines(r.opinions).length })}
          </Typography.Text>
          {errorText(cellError(r.key, 'opinions'))}
        </>
      ),
    },
    {
      title: t('canvass.batch.visitedOn'),
      key: 'visitedOn',
      width: 150,
      render: (_v, r, i) => (
        <>
          <Input
            type="date"
            value={r.visitedOn}
            max={today()}
            onChange={(e) => setRow(r.key, { visitedOn: e.target.value })}
            onKeyDown={onEnter(i, col('visitedOn'))}
            status={cellError(r.key, 'visitedOn') ? 'error' : undefined}
            data-cell={`${i}-${col('visitedOn')}`}
            data-testid="batch-date"
          />
          {errorText(cellError(r.key, 'visitedOn'))}
        </>
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 44,
      render: (_v, r) => (
        <Button
          type="text"
          danger
          tabIndex={-1}
          icon={<DeleteOutlined />}
          aria-label={t('common.remove')}
          disabled={rows.length === 1}
          onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
        />
      ),
    },
  ];

  const filledCount = rows.filter((r) => !isBlankRow(r)).length;

  return (
    <Card size="small" title={t('canvass.menu.batch')} data-testid="page-canvass-batch">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<number>
          style={{ width: 240 }}
          placeholder={t('canvass.drive.pick')}
          loading={assignments.isLoading}
          value={currentDrive ?? undefined}
          onChange={(id) => {
            setDriveId(id);
            if (assignment && assignment.drive.id !== id) pickAssignment(null);
          }}
          options={drives.map((d) => ({ value: d.id, label: d.name }))}
          data-testid="batch-drive"
        />
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 320 }}
          placeholder={t('canvass.batch.assignment')}
          value={assignmentId ?? undefined}
          disabled={currentDrive === null}
          onChange={(id) => pickAssignment(id)}
          options={list
            .filter((a) => a.drive.id === currentDrive)
            .map((a) => ({ value: a.id, label: `${a.community.name} · ${a.unit.name}` }))}
          data-testid="batch-assignment"
        />
        {assignment ? (
          <Typography.Text type="secondary">
            {t('canvass.batch.assignmentInfo', {
              buildings: assignment.buildings.length,
              visited: assignment.progress.visitedHouseholds,
              target: assignment.progress.targetHouseholds,
            })}
          </Typography.Text>
        ) : null}
      </Flex>
      {assignments.isSuccess && list.length === 0 ? (
        <Empty description={t('canvass.batch.noAssignments')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('canvass.batch.keyboardHint')}
          </Typography.Paragraph>
          {banner ? (
            <Alert
              type={banner.type}
              showIcon
              closable={{ onClose: () => setBanner(null) }}
              title={banner.text}
              style={{ marginBottom: 12 }}
              data-testid="batch-banner"
            />
          ) : null}
          <div ref={tableRef}>
            <Table<BatchRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1300 }}
              onRow={(r) =>
                errors.get(r.key) && Object.keys(errors.get(r.key)!).length > 0
                  ? { style: { background: '#fff1f0' } }
                  : {}
              }
              data-testid="batch-table"
            />
          </div>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= TEXT_LIMITS.batch}
              onClick={() => addRow(true)}
              data-testid="batch-add-row"
            >
              {t('canvass.batch.addRow')}
            </Button>
            <Space>
              <Typography.Text type="secondary">{t('canvass.batch.rowCount', { count: filledCount })}</Typography.Text>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                onClick={send}
                data-testid="batch-submit"
              >
                {t('canvass.batch.submit')}
              </Button>
            </Space>
          </Flex>
        </>
      )}
    </Card>
  );
}
