// How scores read on screen: one decimal, the colour band of a site score (the map's dots, the
// tags), the change against the previous round with its arrow (↑ green, ↓ red), a completeness
// percentage, and outcome colours. Pure.
import type { Outcome } from '@cc/common/inspection-rules';

export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score)
    ? '—'
    : (Math.round(score * 10) / 10).toFixed(1);
}

export type ScoreBand = 'good' | 'fair' | 'poor' | 'none';

/** ≥ 90 good, ≥ 75 fair, below poor; never inspected: none. */
export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'none';
  if (score >= 90) return 'good';
  if (score >= 75) return 'fair';
  return 'poor';
}

export const SCORE_BANDS: readonly ScoreBand[] = ['good', 'fair', 'poor', 'none'];

export const SCORE_BAND_COLORS: Record<ScoreBand, string> = {
  good: '#389e0d',
  fair: '#d48806',
  poor: '#cf1322',
  none: '#8c8c8c',
};

export type DeltaTone = 'up' | 'down' | 'flat' | 'none';

export function deltaTone(delta: number | null | undefined): DeltaTone {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return 'none';
  const rounded = Math.round(delta * 10) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

export const DELTA_COLORS: Record<DeltaTone, string> = {
  up: '#389e0d',
  down: '#cf1322',
  flat: '#8c8c8c',
  none: '#8c8c8c',
};

/** "↑ 3.5", "↓ 1.2", "→ 0.0"; "—" without a previous round. */
export function deltaText(delta: number | null | undefined): string {
  const tone = deltaTone(delta);
  if (tone === 'none') return '—';
  const abs = (Math.round(Math.abs(delta as number) * 10) / 10).toFixed(1);
  return `${tone === 'up' ? '↑' : tone === 'down' ? '↓' : '→'} ${abs}`;
}

export function percentText(percent: number | null | undefined): string {
  return percent === null || percent === undefined || !Number.isFinite(percent)
    ? '—'
    : `${Math.round(percent * 10) / 10}%`;
}

export const OUTCOME_COLORS: Record<Outcome, string> = {
  pass: 'green',
  fail: 'red',
  na: 'default',
};
