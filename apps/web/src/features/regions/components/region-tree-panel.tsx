// The region tree (市 → 区县 → 街道 → 社区 → 网格) with client-side filtering by name / code and
// level: matches are shown with their ancestors expanded. Virtual-scrolled for large cities.
import { useMemo, useState, type Key } from 'react';
import { Empty, Tree, Typography, type TreeDataNode } from 'antd';
import type { RegionLevel } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { buildRegionForest, type Region, type RegionNode } from '../../../shared/org-lookups';
import { RegionLevelTag } from '../../../shared/components/region-level-tag';

export interface RegionTreePanelProps {
  regions: readonly Region[];
  q: string;
  level: RegionLevel | undefined;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Ids whose ancestors must be expanded (e.g. a freshly created child). */
  reveal?: number | null;
  height: number;
}

function highlight(text: string, q: string) {
  if (!q) return text;
  const index = text.toLowerCase().indexOf(q);
  if (index < 0) return text;
  return (
    <>
      {text.slice(0, index)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(index, index + q.length)}</mark>
      {text.slice(index + q.length)}
    </>
  );
}

export function RegionTreePanel({ regions, q, level, selectedId, onSelect, reveal, height }: RegionTreePanelProps) {
  const t = useT();
  const needle = q.trim().toLowerCase();
  const filtering = needle !== '' || level !== undefined;
  const forest = useMemo(() => buildRegionForest(regions), [regions]);
  const parentOf = useMemo(() => new Map(regions.map((r) => [r.id, r.parentId])), [regions]);

  const { treeData, filterExpanded, matchCount } = useMemo(() => {
    const expanded: Key[] = [];
    const counter = { matches: 0 };
    const isMatch = (n: RegionNode) =>
      (!level || n.level === level) && (!needle || n.name.toLowerCase().includes(needle) || n.code.includes(needle));
    const convert = (n: RegionNode): TreeDataNode | null => {
      const children = n.children.map(convert).filter((c): c is TreeDataNode => c !== null);
      const match = filtering && isMatch(n);
      if (match) counter.matches += 1;
      if (filtering && !match && children.length === 0) return null;
      if (filtering && children.length > 0) expanded.push(n.id);
      return {
        key: n.id,
        title: (
          <span>
            <RegionLevelTag level={n.level} />
            {highlight(n.name, needle)}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {highlight(n.code, needle)}
            </Typography.Text>
          </span>
        ),
        children,
        isLeaf: n.childCount === 0 && children.length === 0,
      };
    };
    const data = forest.map(convert).filter((c): c is TreeDataNode => c !== null);
    return { treeData: data, filterExpanded: expanded, matchCount: counter.matches };
  }, [forest, filtering, level, needle]);

  // Unfiltered: the roots start open so the districts show, until the user expands or collapses.
  const [userExpanded, setUserExpanded] = useState<Key[] | null>(null);
  const expandedKeys = userExpanded ?? forest.map((n) => n.id);

  // Revealing a node (e.g. one just created) opens its ancestors once; recomputed when the tree
  // reloads so a new node's chain is found. Adjusting state during render, as React recommends.
  const revealChain = useMemo(() => {
    const chain: Key[] = [];
    if (reveal == null) return chain;
    let cursor = parentOf.get(reveal) ?? null;
    while (cursor !== null && cursor !== undefined) {
      chain.push(cursor);
      cursor = parentOf.get(cursor) ?? null;
    }
    return chain;
  }, [reveal, parentOf]);
  const revealKey = `${reveal ?? ''}:${revealChain.join(',')}`;
  const [handledReveal, setHandledReveal] = useState('');
  if (revealKey !== handledReveal) {
    setHandledReveal(revealKey);
    if (revealChain.length) setUserExpanded(Array.from(new Set([...expandedKeys, ...revealChain])));
  }

  if (treeData.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtering ? t('region.noMatch') : t('region.empty')} />
    );
  }

  return (
    <>
      {filtering ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 12 }}>
          {t('region.matchCount', { count: matchCount })}
        </Typography.Text>
      ) : null}
      <div data-testid="region-tree">
        <Tree
          blockNode
          showLine
          height={height}
          treeData={treeData}
          expandedKeys={filtering ? filterExpanded : expandedKeys}
          onExpand={(keys) => {
            if (!filtering) setUserExpanded(keys);
          }}
          selectedKeys={selectedId !== null ? [selectedId] : []}
          onSelect={(keys) => {
            if (keys.length) onSelect(Number(keys[0]));
          }}
        />
      </div>
    </>
  );
}
