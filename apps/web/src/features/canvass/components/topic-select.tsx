// Picks an opinion's topic: one of the four top-level areas of the seed's 征询内容, then optionally
// one of its active sub-topics. Used by the classify dialog and the workbench's filter.
import { Select, TreeSelect } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { subtopicsOf, topicTree } from '../api/canvass-format';
import type { Topic } from '../api/canvass-types';

export function TopTopicSelect({
  topics,
  value,
  onChange,
  id,
}: {
  topics: readonly Topic[];
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
}) {
  const t = useT();
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('canvass.topic.pick')}
      options={topicTree(topics)
        .filter((top) => top.active || top.code === value)
        .map((top) => ({ value: top.code, label: top.name }))}
      data-testid="topic-select"
    />
  );
}

export function SubtopicSelect({
  topics,
  topCode,
  value,
  onChange,
  id,
}: {
  topics: readonly Topic[];
  topCode: string | null;
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
}) {
  const t = useT();
  const subs = subtopicsOf(topics, topCode);
  return (
    <Select<string>
      id={id}
      allowClear
      disabled={!topCode || subs.length === 0}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('canvass.topic.pickSub')}
      options={subs.map((s) => ({ value: s.code, label: s.name }))}
      data-testid="subtopic-select"
    />
  );
}

/** The filter: any topic or sub-topic, as a tree. */
export function TopicFilterSelect({
  topics,
  value,
  onChange,
  width = 200,
}: {
  topics: readonly Topic[];
  value?: string;
  onChange: (code: string | undefined) => void;
  width?: number;
}) {
  const t = useT();
  return (
    <TreeSelect<string>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      placeholder={t('canvass.opinion.topic')}
      treeData={topicTree(topics).map((top) => ({
        value: top.code,
        title: top.name,
        children: top.children.map((c) => ({ value: c.code, title: c.name })),
      }))}
      data-testid="filter-topic"
    />
  );
}
