// Reads a QR code with the phone's rear camera through the browser's BarcodeDetector (Chrome on
// Android, recent Safari); where the browser has none, the page says so and offers the paste field
// instead. The camera is released as soon as a code is read or the component goes away.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorCtor | null {
  const ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return typeof ctor === 'function' && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia
    ? ctor
    : null;
}

export function canScanWithCamera(): boolean {
  return detectorClass() !== null;
}

export function QrScanner({ onDetect }: { onDetect: (text: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onDetectRef = useRef(onDetect);
  useEffect(() => {
    onDetectRef.current = onDetect;
  }, [onDetect]);

  useEffect(() => {
    const Detector = detectorClass();
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let alive = true;
    const detector = new Detector({ formats: ['qr_code'] });
    const stop = () => {
      alive = false;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const scan = async () => {
      const el = video.current;
      if (!alive || !el) return;
      try {
        if (el.readyState >= 2) {
          const codes = await detector.detect(el);
          const text = codes.find((c) => c.rawValue)?.rawValue;
          if (text && alive) {
            stop();
            setOn(false);
            onDetectRef.current(text);
            return;
          }
        }
      } catch {
        // a frame that cannot be read: try the next one
      }
      if (alive) timer = window.setTimeout(() => void scan(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then((s) => {
        if (!alive) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        const el = video.current;
        if (el) {
          el.srcObject = s;
          void el.play().catch(() => undefined);
        }
        void scan();
      })
      .catch((e: unknown) => {
        if (!alive) return;
        setError(e instanceof Error ? e.message : String(e));
        setOn(false);
      });
    return stop;
  }, [on]);

  if (!canScanWithCamera()) {
    return <Alert type="info" showIcon title={t('volunteers.scan.unsupported')} data-testid="scan-unsupported" />;
  }
  return (
    <Flex vertical gap={8} data-testid="qr-scanner">
      {error ? <Alert type="error" showIcon title={t('volunteers.scan.cameraFailed', { message: error })} /> : null}
      {on ? (
        <>
          <div style={{ position: 'relative', borderRadius: 8, overflow: 'hidden', background: '#000' }}>
            <video
              ref={video}
              muted
              playsInline
              style={{ width: '100%', display: 'block', aspectRatio: '1 / 1', objectFit: 'cover' }}
            />
            <div
              style={{
                position: 'absolute',
                inset: '15%',
                border: '3px solid rgba(255,255,255,0.85)',
                borderRadius: 12,
                pointerEvents: 'none',
              }}
            />
          </div>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('volunteers.scan.hint')}
          </Typography.Text>
          <Button size="large" icon={<CloseOutlined />} onClick={() => setOn(false)}>
            {t('volunteers.scan.stop')}
          </Button>
        </>
      ) : (
        <Button
          type="primary"
          size="large"
          block
          icon={<CameraOutlined />}
          style={{ height: 56, fontSize: 17 }}
          onClick={() => {
            setError(null);
            setOn(true);
          }}
          data-testid="scan-start-camera"
        >
          {t('volunteers.scan.start')}
        </Button>
      )}
    </Flex>
  );
}
