// A QR code of a link, drawn in the browser (the `qrcode` package; nothing is fetched), as an
// image that can also be downloaded as a PNG.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Skeleton } from 'antd';

export function useQrDataUrl(text: string, width: number): string | null {
  const [url, setUrl] = useState<{ text: string; width: number; data: string } | null>(null);
  useEffect(() => {
    let alive = true;
    QRCode.toDataURL(text, { width, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => {
        if (alive) setUrl({ text, width, data });
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [text, width]);
  return url && url.text === text && url.width === width ? url.data : null;
}

export function SurveyQr({ text, size, alt }: { text: string; size: number; alt: string }) {
  const data = useQrDataUrl(text, size * 2);
  if (!data) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return (
    <img
      src={data}
      width={size}
      height={size}
      alt={alt}
      data-testid="survey-qr"
      style={{ imageRendering: 'pixelated' }}
    />
  );
}
