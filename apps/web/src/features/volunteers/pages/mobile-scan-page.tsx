// 扫码签到 on the phone (/m/volunteer/scan): read the activity's QR code with the camera (or open
// this page from the phone's own camera app: the code is a link carrying `?t=`; or paste it),
// see which activity it is, tick the family members coming along, and check in — or check out
// when already in. The position comes from the browser's GPS at the moment of the tap; a refusal
// (too far, with the distance; expired or foreign code; outside the time window; twice) is shown
// large with the server's words. The code is kept on the phone so check-out needs no new scan.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Flex, Input, Result, Select, Skeleton, Typography } from 'antd';
import { EnvironmentOutlined, LoginOutlined, LogoutOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { isApiError } from '../../../app/api';
import { formatDateTime } from '../../../shared/format';
import { isLocateError, locate, type GeoFix } from '../../../shared/geolocation';
import { BackButton } from '../../../shared/mobile/page-parts';
import { activityIdOfToken, cleanFamily, tokenFromScan } from '../api/volunteer-format';
import type { Attendance, FamilyMember } from '../api/volunteer-types';
import { useActivity, useCheckIn, useCheckOut, useMyRegistration } from '../api/volunteers-api';
import { timeRangeText } from '../components/mobile-activity-card';
import { QrScanner } from '../components/qr-scanner';
import { AttendanceStatusTag } from '../components/volunteer-tags';
import { RELATIONS } from '../components/choices';

const TOKEN_KEY = 'cc.volunteer.token';
const NO_FAMILY: FamilyMember[] = [];

function storedToken(): string | null {
  try {
    return tokenFromScan(window.localStorage.getItem(TOKEN_KEY));
  } catch {
    return null;
  }
}

function storeToken(token: string | null) {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // private mode: the code just is not remembered
  }
}

type Outcome =
  | { kind: 'in'; attendance: Attendance }
  | { kind: 'out'; attendance: Attendance }
  | { kind: 'refused'; action: 'in' | 'out'; text: string };

export default function MobileScanPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const fromLink = tokenFromScan(search.get('t'));
  const [token, setToken] = useState<string | null>(() => fromLink ?? storedToken());
  const [pasted, setPasted] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [fix, setFix] = useState<GeoFix | null>(null);
  const [locating, setLocating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [family, setFamily] = useState<string[]>([]);
  const [extra, setExtra] = useState<FamilyMember[]>([]);

  // A code in the link wins over the remembered one; the link is then tidied away.
  useEffect(() => {
    if (!fromLink) return;
    storeToken(fromLink);
    setSearch({}, { replace: true });
  }, [fromLink, setSearch]);

  const activityId = token ? activityIdOfToken(token) : null;
  const activity = useActivity(activityId);
  const registration = useMyRegistration();
  const checkIn = useCheckIn();
  const checkOut = useCheckOut();
  const known = registration.data?.current?.familyMembers ?? NO_FAMILY;
  const attendance = activity.data?.mine.attendance ?? null;
  const checkedInOpen = attendance?.status === 'open';

  const takeCode = (text: string) => {
    const found = tokenFromScan(text);
    setOutcome(null);
    if (!found) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setPasted('');
    setToken(found);
    storeToken(found);
  };

  const otherCode = () => {
    setToken(null);
    storeToken(null);
    setOutcome(null);
  };

  const refusalText = (e: unknown) =>
    isApiError(e) && e.status === 0 ? t('volunteers.scan.offline') : e instanceof Error ? e.message : String(e);

  const act = async (action: 'in' | 'out') => {
    if (!token) return;
    setOutcome(null);
    setLocating(true);
    let position: GeoFix;
    try {
      position = await locate();
      setFix(position);
    } catch (e) {
      setOutcome({
        kind: 'refused',
        action,
        text: isLocateError(e) ? t(`volunteers.scan.locate.${e.reason}`) : String(e),
      });
      return;
    } finally {
      setLocating(false);
    }
    const where = {
      token,
      lng: position.lng,
      lat: position.lat,
      ...(position.accuracy !== null ? { accuracyM: Math.min(10_000, position.accuracy) } : {}),
    };
    if (action === 'in') {
      const chosen = cleanFamily([...known.filter((f) => family.includes(`${f.name}|${f.relation}`)), ...extra]);
      checkIn.mutate(
        { ...where, ...(chosen.length > 0 ? { family: chosen } : {}) },
        {
          onSuccess: (a) => setOutcome({ kind: 'in', attendance: a }),
          onError: (e) => setOutcome({ kind: 'refused', action, text: refusalText(e) }),
        },
      );
    } else {
      checkOut.mutate(where, {
        onSuccess: (a) => setOutcome({ kind: 'out', attendance: a }),
        onError: (e) => setOutcome({ kind: 'refused', action, text: refusalText(e) }),
      });
    }
  };

  const busy = locating || checkIn.isPending || checkOut.isPending;

  return (
    <Flex vertical gap={12} data-testid="page-mobile-scan">
      <BackButton fallback="/m/volunteer" />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('volunteers.scan.title')}
      </Typography.Title>

      {!token ? (
        <>
          <QrScanner onDetect={takeCode} />
          <Card size="small" title={t('volunteers.scan.code')}>
            <Flex vertical gap={8}>
              <Input.TextArea
                value={pasted}
                onChange={(e) => {
                  setPasted(e.target.value);
                  setInvalid(false);
                }}
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder={t('volunteers.scan.codePlaceholder')}
                data-testid="scan-code-input"
              />
              {invalid ? (
                <Alert type="error" showIcon title={t('volunteers.scan.invalidCode')} data-testid="scan-invalid" />
              ) : null}
              <Button
                size="large"
                block
                disabled={!pasted.trim()}
                onClick={() => takeCode(pasted)}
                data-testid="scan-use-code"
              >
                {t('volunteers.scan.useCode')}
              </Button>
            </Flex>
          </Card>
        </>
      ) : (
        <>
          <Card size="small" title={t('volunteers.scan.activity')} data-testid="scan-activity">
            {activity.isPending ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : activity.isError ? (
              <Alert type="error" showIcon title={activity.error.message} />
            ) : (
              <>
                <div
                  style={{ fontSize: 17, lineHeight: 1.4, overflowWrap: 'anywhere' }}
                  data-testid="scan-activity-title"
                >
                  {activity.data.title}
                </div>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {timeRangeText(activity.data.startsAt, activity.data.endsAt)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }}>
                  <EnvironmentOutlined /> {activity.data.place}
                </Typography.Text>
                {attendance ? (
                  <Flex align="center" gap={6} style={{ marginTop: 4 }}>
                    <AttendanceStatusTag status={attendance.status} />
                    <Typography.Text style={{ fontSize: 13 }}>
                      {t('volunteers.mobileActivities.attended', { time: formatDateTime(attendance.checkInAt) })}
                    </Typography.Text>
                  </Flex>
                ) : null}
              </>
            )}
            <Button
              type="link"
              icon={<SwapOutlined />}
              style={{ paddingInline: 0 }}
              onClick={otherCode}
              data-testid="scan-other-code"
            >
              {t('volunteers.scan.otherCode')}
            </Button>
          </Card>

          {outcome?.kind === 'refused' ? (
            <Alert
              type="error"
              showIcon
              title={
                <span style={{ fontSize: 16 }}>
                  {outcome.action === 'in' ? t('volunteers.scan.checkInRefused') : t('volunteers.scan.checkOutRefused')}
                </span>
              }
              description={<span style={{ fontSize: 16 }}>{outcome.text}</span>}
              data-testid="scan-error"
            />
          ) : null}

          {outcome?.kind === 'in' ? (
            <Result
              status="success"
              title={t('volunteers.scan.checkedIn')}
              subTitle={
                <>
                  <div>
                    {outcome.attendance.checkInDistanceM !== null
                      ? t('volunteers.scan.checkedInAt', {
                          time: formatDateTime(outcome.attendance.checkInAt),
                          distance: Math.round(outcome.attendance.checkInDistanceM),
                        })
                      : t('volunteers.scan.checkedInNoDistance', {
                          time: formatDateTime(outcome.attendance.checkInAt),
                        })}
                  </div>
                  <div>{t('volunteers.scan.checkOutLater')}</div>
                </>
              }
              style={{ padding: '16px 0' }}
              data-testid="scan-checked-in"
            />
          ) : null}
          {outcome?.kind === 'out' ? (
            <Result
              status="success"
              title={t('volunteers.scan.checkedOut')}
              subTitle={t('volunteers.scan.checkedOutText', { minutes: outcome.attendance.minutes ?? 0 })}
              extra={
                <Link to="/m/volunteer/hours">
                  <Button size="large">{t('volunteers.scan.viewHours')}</Button>
                </Link>
              }
              style={{ padding: '16px 0' }}
              data-testid="scan-checked-out"
            />
          ) : null}

          {activity.data && !checkedInOpen && !attendance && outcome?.kind !== 'in' ? (
            <Card size="small" title={t('volunteers.scan.family')} data-testid="scan-family">
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginBottom: 8 }}>
                {t('volunteers.scan.familyHint')}
              </Typography.Text>
              {known.length > 0 ? (
                <Checkbox.Group
                  value={family}
                  onChange={(v) => setFamily(v)}
                  style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 8 }}
                  options={known.map((f) => ({
                    value: `${f.name}|${f.relation}`,
                    label: `${f.name}（${f.relation}）`,
                  }))}
                />
              ) : null}
              {extra.map((f, i) => (
                <Flex key={i} gap={8} style={{ marginBottom: 8 }}>
                  <Input
                    value={f.name}
                    maxLength={20}
                    placeholder={t('volunteers.register.familyName')}
                    onChange={(e) =>
                      setExtra((rows) => rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))
                    }
                    style={{ flex: 3 }}
                  />
                  <Select
                    value={f.relation}
                    onChange={(relation) => setExtra((rows) => rows.map((r, j) => (j === i ? { ...r, relation } : r)))}
                    options={RELATIONS.map((k) => ({ value: t(k), label: t(k) }))}
                    style={{ flex: 2, minWidth: 0 }}
                  />
                </Flex>
              ))}
              {known.length + extra.length < 10 ? (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => setExtra((rows) => [...rows, { name: '', relation: t('volunteers.relation.child') }])}
                >
                  {t('volunteers.scan.addFamily')}
                </Button>
              ) : null}
            </Card>
          ) : null}

          {fix?.accuracy != null ? (
            <Typography.Text type="secondary" style={{ fontSize: 13, textAlign: 'center' }}>
              {t('volunteers.scan.accuracy', { accuracy: fix.accuracy })}
            </Typography.Text>
          ) : null}

          {activity.data && outcome?.kind !== 'out' ? (
            checkedInOpen || outcome?.kind === 'in' ? (
              <Button
                type="primary"
                size="large"
                block
                icon={<LogoutOutlined />}
                loading={busy}
                onClick={() => void act('out')}
                style={{ height: 56, fontSize: 18 }}
                data-testid="scan-check-out"
              >
                {locating ? t('volunteers.scan.locating') : t('volunteers.scan.checkOut')}
              </Button>
            ) : !attendance ? (
              <Button
                type="primary"
                size="large"
                block
                icon={<LoginOutlined />}
                loading={busy}
                onClick={() => void act('in')}
                style={{ height: 56, fontSize: 18 }}
                data-testid="scan-check-in"
              >
                {locating ? t('volunteers.scan.locating') : t('volunteers.scan.checkIn')}
              </Button>
            ) : null
          ) : null}
        </>
      )}
    </Flex>
  );
}
