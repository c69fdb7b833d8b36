// How canvassing figures read: a coverage rate as a percent, its colour band (for progress bars
// and the community map), a probability as a percent, and topic codes as names. Pure.
import { topTopicOf } from '@cc/common/canvass';
import type { Progress, Topic } from './canvass-types';

/** 0.456 → 46 (whole percent, capped at 100 for drawing); null without a target. */
export function ratePercent(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.max(0, Math.min(100, Math.round(rate * 100)));
}

export const RATE_BANDS = ['none', 'low', 'mid', 'high', 'done'] as const;
export type RateBand = (typeof RATE_BANDS)[number];

export const RATE_BAND_COLORS: Record<RateBand, string> = {
  none: '#bfbfbf',
  low: '#cf1322',
  mid: '#fa8c16',
  high: '#1677ff',
  done: '#389e0d',
};

/** No target; under 30 %; under 60 %; under 90 %; 90 % and more. */
export function rateBand(rate: number | null): RateBand {
  if (rate === null || !Number.isFinite(rate)) return 'none';
  if (rate >= 0.9) return 'done';
  if (rate >= 0.6) return 'high';
  if (rate >= 0.3) return 'mid';
  return 'low';
}

/** "12 / 40" households. */
export function householdsText(p: Progress): string {
  return `${p.visitedHouseholds} / ${p.targetHouseholds}`;
}

/** 0.8734 → "87.3%"; null → "—". */
export function percentText(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** Topic names by code. */
export function topicNames(topics: readonly Topic[] | undefined): Map<string, string> {
  return new Map((topics ?? []).map((t) => [t.code, t.name]));
}

/** "城市建设与管理 / 交通与停车" for a topic and its sub-topic; the code itself when unknown. */
export function topicLabel(names: ReadonlyMap<string, string>, topicCode: string | null, subtopicCode?: string | null) {
  if (!topicCode) return null;
  const top = names.get(topicCode) ?? topicCode;
  if (!subtopicCode || subtopicCode === topicCode) return top;
  return `${top} / ${names.get(subtopicCode) ?? subtopicCode}`;
}

export interface TopicTreeNode extends Topic {
  children: Topic[];
}

/** Top-level topics (sorted) with their sub-topics (sorted). */
export function topicTree(topics: readonly Topic[]): TopicTreeNode[] {
  const order = (a: Topic, b: Topic) => a.sort - b.sort || a.code.localeCompare(b.code);
  const tops = topics.filter((t) => t.parentCode === null).sort(order);
  return tops.map((top) => ({
    ...top,
    children: topics.filter((t) => t.parentCode === top.code).sort(order),
  }));
}

/** The sub-topics of a top-level topic (active ones unless `all`). */
export function subtopicsOf(topics: readonly Topic[], topCode: string | null, all = false): Topic[] {
  if (!topCode) return [];
  return topics
    .filter((t) => t.parentCode === topCode && (all || t.active))
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

/** The top-level code of any topic code. */
export const topOf = topTopicOf;
