// Pure helpers of the questionnaire builder and the answering page: a new question of each type
// with sensible defaults, fresh codes, switching a question's type, the rate a question can feed,
// the public link of a questionnaire (optionally fixing the group and the community), the device
// id the page keeps for the per-device limit, and how a rate is shown.
import type { QuestionType, RateConfig, RateKind, SurveyOption, SurveyQuestion } from '@cc/common/surveys';

/** The next free code with `prefix` (q1, q2, … or o1, o2, …). */
export function nextCode(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function newOptions(labels: readonly string[]): SurveyOption[] {
  return labels.map((label, i) => ({ code: `o${i + 1}`, label }));
}

export function newQuestion(
  type: QuestionType,
  taken: readonly string[],
  labels: { option: (n: number) => string; row: (n: number) => string },
): SurveyQuestion {
  const base = { code: nextCode('q', taken), type, title: '', required: true, rate: null };
  switch (type) {
    case 'single':
    case 'multiple':
      return { ...base, options: newOptions([labels.option(1), labels.option(2)]) };
    case 'rating':
      return { ...base, min: 1, max: 5 };
    case 'text':
      return { ...base, required: false, maxLength: 500 };
    case 'matrix':
      return {
        ...base,
        rows: newOptions([labels.row(1), labels.row(2)]),
        options: newOptions([labels.option(1), labels.option(2)]),
      };
  }
}

/** The same question as another type: keeps title, code and choices where they still fit. */
export function changeType(q: SurveyQuestion, type: QuestionType, fresh: SurveyQuestion): SurveyQuestion {
  const keepOptions = (type === 'single' || type === 'multiple' || type === 'matrix') && (q.options?.length ?? 0) >= 2;
  return {
    ...fresh,
    code: q.code,
    title: q.title,
    help: q.help,
    required: q.required,
    ...(keepOptions ? { options: q.options } : {}),
  };
}

/** The rate kinds a question of this type may feed. */
export function rateKindsFor(type: QuestionType): readonly RateKind[] {
  if (type === 'text') return [];
  if (type === 'multiple') return ['awareness', 'support', 'participation'];
  return ['awareness', 'support', 'satisfaction', 'participation'];
}

/** A starting configuration when a question is tagged with a rate. */
export function defaultRate(q: SurveyQuestion, kind: RateKind): RateConfig {
  if (kind === 'satisfaction') {
    if (q.type === 'rating') return { kind };
    const options = q.options ?? [];
    // From the first (best) option down to 0, evenly.
    const step = options.length > 1 ? 100 / (options.length - 1) : 100;
    return { kind, scores: Object.fromEntries(options.map((o, i) => [o.code, Math.round(100 - i * step)])) };
  }
  if (q.type === 'rating') return { kind, positiveMin: Math.ceil(((q.min ?? 1) + (q.max ?? 5)) / 2) };
  return { kind, positive: q.options?.[0] ? [q.options[0].code] : [] };
}

/** A rate configuration with the options that no longer exist removed. */
export function pruneRate(q: SurveyQuestion): RateConfig | null {
  const rate = q.rate;
  if (!rate) return null;
  if (!rateKindsFor(q.type).includes(rate.kind)) return null;
  const codes = new Set((q.options ?? []).map((o) => o.code));
  const out: RateConfig = { ...rate };
  if (out.positive) out.positive = out.positive.filter((c) => codes.has(c));
  if (out.scores && q.type !== 'rating')
    out.scores = Object.fromEntries(Object.entries(out.scores).filter(([c]) => codes.has(c)));
  return out;
}

/** The public answering link; `v` fixes the respondent group's version, `r` the community. */
export function publicSurveyUrl(origin: string, token: string, fixed: { v?: number; r?: number } = {}): string {
  const search = new URLSearchParams();
  if (fixed.v) search.set('v', String(fixed.v));
  if (fixed.r) search.set('r', String(fixed.r));
  const query = search.toString();
  return `${origin}/public/survey/${token}${query ? `?${query}` : ''}`;
}

const DEVICE_KEY = 'cc.survey.device';

function randomId(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A random id kept by this browser (localStorage); a fresh one when storage is unavailable. */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): string {
  const stored = storage?.getItem(DEVICE_KEY);
  if (stored && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return stored;
  const id = randomId();
  try {
    storage?.setItem(DEVICE_KEY, id);
  } catch {
    // private mode: the limit then holds per visit only
  }
  return id;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const newIdempotencyKey = randomId;

/** A rate as shown: one decimal, with %, or a dash. Satisfaction is a score out of 100. */
export function rateText(kind: RateKind, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return kind === 'satisfaction' ? value.toFixed(1) : `${value.toFixed(1)}%`;
}
