// One checklist item on the phone: number, title, points and whether a photo is required, the
// requirement in words (with the 迎检 threshold when it applies), the inspector's guidance, the
// input that fits the rule, the live verdict, an optional note, and the photos. After a refused
// submit it is outlined in red with what is missing.
import { useState } from 'react';
import { Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { CameraOutlined, EditOutlined } from '@ant-design/icons';
import { INSPECTION_LIMITS } from '@cc/common/inspections';
import type { Phase } from '@cc/common/inspection-rules';
import { useT } from '../../../app/i18n/locale-provider';
import type { GeoFix } from '../../../shared/geolocation';
import type { InspectionItem } from '../api/inspection-types';
import type { ItemEntry, Problem } from '../api/inspection-draft';
import { checkInput } from '../api/rule-input';
import { ItemPhotos } from './item-photos';
import { RuleValueInput, RuleVerdict } from './rule-value-input';

export interface ChecklistItemCardProps {
  index: number;
  item: InspectionItem;
  entry: ItemEntry;
  phase: Phase;
  onChange: (next: ItemEntry) => void;
  onPhotoFix: (fileId: string, fix: GeoFix) => void;
  site: { lng: number | null; lat: number | null };
  lastFix: GeoFix | null;
  onBusyChange: (itemId: number, busy: boolean) => void;
  /** What is missing, shown after a refused submit. */
  problem: Problem | null;
  /** The server's complaint about this item's value. */
  serverError: string | null;
}

export function ChecklistItemCard({
  index,
  item,
  entry,
  phase,
  onChange,
  onPhotoFix,
  site,
  lastFix,
  onBusyChange,
  problem,
  serverError,
}: ChecklistItemCardProps) {
  const t = useT();
  const [noteOpen, setNoteOpen] = useState(entry.note !== '');
  const check = checkInput(item.rule, entry.input, phase);
  const outcome = check.state === 'scored' ? check.result.outcome : check.state === 'invalid' ? 'invalid' : '';
  const flagged = problem !== null || serverError !== null;

  return (
    <Card
      size="small"
      id={`item-${item.id}`}
      data-testid="item-card"
      data-item-id={item.id}
      data-kind={item.rule.kind}
      data-photo-required={item.photoRequired}
      data-outcome={outcome}
      style={{ borderColor: flagged ? '#ff4d4f' : undefined, scrollMarginTop: 56 }}
    >
      <Flex align="flex-start" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 15, lineHeight: '24px', flex: 'none' }}>
          {index + 1}.
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }} data-testid="item-title">
            {item.title}
          </Typography.Text>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{t('inspections.mobile.points', { points: item.points })}</Tag>
            {item.photoRequired ? (
              <Tag color="volcano" icon={<CameraOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('inspections.mobile.photoRequired')}
              </Tag>
            ) : null}
          </Flex>
        </div>
      </Flex>
      <Typography.Paragraph
        style={{ margin: '8px 0 0', fontSize: 15, background: '#fafafa', padding: '6px 8px', borderRadius: 4 }}
        data-testid="item-rule"
      >
        {t('inspections.mobile.requirement')}
        {item.ruleText}
      </Typography.Paragraph>
      {item.guidance ? (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {item.guidance}
        </Typography.Paragraph>
      ) : null}
      <div style={{ marginTop: 10 }}>
        <RuleValueInput
          rule={item.rule}
          value={entry.input}
          onChange={(input) => onChange({ ...entry, input })}
          large
          testId={`item-${item.id}-input`}
        />
      </div>
      <div style={{ marginTop: 10 }}>
        <RuleVerdict rule={item.rule} input={entry.input} phase={phase} testId="item-verdict" />
      </div>
      {noteOpen ? (
        <Input.TextArea
          style={{ marginTop: 10, fontSize: 16 }}
          rows={2}
          maxLength={INSPECTION_LIMITS.noteMax}
          value={entry.note}
          placeholder={t('inspections.mobile.notePlaceholder')}
          onChange={(e) => onChange({ ...entry, note: e.target.value })}
          data-testid="item-note"
        />
      ) : (
        <Button
          type="link"
          icon={<EditOutlined />}
          style={{ paddingInline: 0, marginTop: 4, height: 40 }}
          onClick={() => setNoteOpen(true)}
        >
          {t('inspections.mobile.addNote')}
        </Button>
      )}
      {!entry.input.na ? (
        <div style={{ marginTop: 8 }}>
          <ItemPhotos
            value={entry.photos}
            onChange={(photos) => onChange({ ...entry, photos })}
            onFix={onPhotoFix}
            site={site}
            lastFix={lastFix}
            onBusyChange={(busy) => onBusyChange(item.id, busy)}
            testId={`item-${item.id}-photos`}
          />
        </div>
      ) : null}
      {flagged ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid="item-problem">
          {serverError ?? t(`inspections.mobile.problem.${problem!}`)}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
