// The public side of questionnaires (no sign-in): what the answering page needs, and one answer
// sheet submitted. A submission is checked against its version's questions (400 naming the
// question), then in one transaction — the questionnaire row shared-locked so closing waits for
// it — counted against the per-device limit (a random id the device keeps), the per-address daily
// limit and the region's quotas, each an atomic conditional statement, and written with its
// counts; any refusal rolls everything back, so nothing is half-saved. Device and address are
// kept only as HMACs keyed by the questionnaire's own secret salt; the raw address is stored
// nowhere. A repeated idempotency key answers the first receipt.

import { createHmac } from 'node:crypto';
import { checkAnswers, sheetKeys, type SurveyQuestion } from '@cc/common/surveys';
import { writeAudit } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { PublicCtx } from '../../platform/context.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { createRateLimiter } from '../../platform/rate-limit.js';
import * as repo from './surveys.repository.js';
import type { PublicSurvey, SubmitReceipt, SubmitResponseBody } from './surveys.schemas.js';
import type { RespondentGroup } from '@cc/common/surveys';

/** Per address and questionnaire: at most 60 submissions per 10 minutes reach the database. */
const submitLimiter = createRateLimiter(60, 10 * 60_000);

const hmac = (salt: string, value: string) => createHmac('sha256', salt).update(value).digest('base64url');

export const receiptOf = (id: number) => `W${String(id).padStart(7, '0')}`;

/** Why the questionnaire takes no answers now (a message key), or null when it does. */
function closedReason(survey: repo.SurveyRow, now: Date): string | null {
  if (survey.status === 'draft') return 'SURVEY_NOT_OPEN';
  if (survey.status === 'closed') return 'SURVEY_CLOSED';
  if (survey.opens_at && survey.opens_at > now) return 'SURVEY_NOT_OPEN';
  if (survey.closes_at && survey.closes_at <= now) return 'SURVEY_CLOSED';
  return null;
}

export async function publicSurvey(ctx: PublicCtx, token: string): Promise<PublicSurvey> {
  const survey = await repo.findSurveyByToken(ctx.db, token);
  // A draft has no public life yet: its link answers like an unknown one.
  if (!survey || survey.status === 'draft') throw notFound();
  const [versions, regions] = await Promise.all([
    repo.listVersions(ctx.db, [survey.id]),
    repo.regionsUnder(ctx.db, survey.city_id, survey.region_path, ['city', 'district', 'street', 'community']),
  ]);
  const reason = closedReason(survey, ctx.now());
  return {
    title: survey.title,
    intro: survey.intro,
    cityName: survey.city_name,
    isOpen: reason === null,
    closedMessage: reason ? t(ctx.locale, reason) : null,
    versions: versions.map((v) => ({
      id: v.id,
      group: v.respondent_group as RespondentGroup,
      title: v.title,
      questions: v.questions as SurveyQuestion[],
    })),
    regions: regions.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name })),
    rootRegionId: survey.region_id,
  };
}

/** Thrown inside the transaction when a concurrent retry with the same key won the insert. */
class RepeatedKey extends Error {}

export async function submitResponse(ctx: PublicCtx, token: string, body: SubmitResponseBody): Promise<SubmitReceipt> {
  submitLimiter.hit(`${ctx.ip ?? 'unknown'}:${token}`);
  const survey = await repo.findSurveyByToken(ctx.db, token);
  if (!survey || survey.status === 'draft') throw notFound();
  const repeat = await repo.findResponseByKey(ctx.db, survey.id, body.idempotencyKey);
  if (repeat) return { receipt: receiptOf(repeat.id), isRepeat: true };

  const version = (await repo.listVersions(ctx.db, [survey.id])).find((v) => v.id === body.versionId);
  if (!version) throw fieldInvalid('versionId', 'SURVEY_VERSION_UNKNOWN');
  const region = await repo.findRegion(ctx.db, survey.city_id, body.regionId);
  if (!region || region.level !== 'community' || !region.path.startsWith(survey.region_path))
    throw fieldInvalid('regionId', 'SURVEY_REGION_UNKNOWN');
  const questions = version.questions as SurveyQuestion[];
  const checked = checkAnswers(questions, body.answers as Record<string, never>);
  if (!checked.ok) {
    const { issue } = checked;
    throw new AppError('VALIDATION_FAILED', {
      messageKey: issue.key,
      params: issue.params,
      details: { fields: [{ path: `body/answers/${issue.question}`, message: issue.key }] },
    });
  }

  const now = ctx.now();
  const deviceHash = hmac(survey.hash_salt, `device:${body.deviceId}`);
  const ipHash = ctx.ip ? hmac(survey.hash_salt, `ip:${ctx.ip}`) : null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.findSurveyByToken(trx, token, 'share');
      const reason = locked ? closedReason(locked, now) : 'SURVEY_CLOSED';
      if (!locked || reason) throw new AppError('CONFLICT', { messageKey: reason ?? 'SURVEY_CLOSED' });
      if (
        locked.per_device_limit > 0 &&
        !(await repo.bumpCounter(trx, survey.city_id, survey.id, `device:${deviceHash}`, locked.per_device_limit))
      )
        throw new AppError('RATE_LIMITED', {
          messageKey: 'SURVEY_DEVICE_LIMIT',
          params: { limit: locked.per_device_limit },
        });
      if (
        ipHash &&
        locked.per_ip_daily_limit > 0 &&
        !(await repo.bumpCounter(
          trx,
          survey.city_id,
          survey.id,
          `ip:${ipHash}:${localDate(now)}`,
          locked.per_ip_daily_limit,
        ))
      )
        throw new AppError('RATE_LIMITED', { messageKey: 'SURVEY_IP_LIMIT' });
      const full = await repo.takeQuotas(trx, survey.id, region.path);
      if (full.length > 0) {
        const names = await repo.regionsByIds(trx, survey.city_id, full);
        throw new AppError('CONFLICT', {
          messageKey: 'SURVEY_QUOTA_FULL',
          params: { region: names.map((r) => r.name).join('、') },
        });
      }
      const id = await repo.insertResponse(trx, {
        city_id: survey.city_id,
        survey_id: survey.id,
        version_id: version.id,
        region_id: region.id,
        device_hash: deviceHash,
        ip_hash: ipHash,
        answers: JSON.stringify(checked.answers),
        idempotency_key: body.idempotencyKey,
        submitted_at: now,
      });
      if (id === null) throw new RepeatedKey();
      await repo.addCounts(
        trx,
        { cityId: survey.city_id, surveyId: survey.id, versionId: version.id, regionId: region.id },
        sheetKeys(questions, checked.answers),
      );
      // No address in the audit entry either: answering is anonymous.
      await writeAudit(trx, {
        cityId: survey.city_id,
        actorId: null,
        actorName: t(ctx.locale, 'SURVEY_RESPONDENT'),
        ip: null,
        at: now,
        action: 'survey.response.submit',
        entityType: 'survey',
        entityId: survey.id,
        after: { responseId: id, versionId: version.id, regionId: region.id },
      });
      return { receipt: receiptOf(id), isRepeat: false };
    });
  } catch (error) {
    if (!(error instanceof RepeatedKey) && !isUniqueViolation(error)) throw error;
    const first = await repo.findResponseByKey(ctx.db, survey.id, body.idempotencyKey);
    if (!first) throw error;
    return { receipt: receiptOf(first.id), isRepeat: true };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
