// Prepares a phone photo for upload on a weak connection: redraws it at most MAX_SIDE px on the
// longer side as JPEG (which also drops the EXIF block with the photographer's GPS position) and
// makes a small thumbnail data URL for the form (kept with the draft). If the browser cannot
// decode the image (e.g. HEIC on some phones) the original goes up as it is and the server
// decides. The size arithmetic is pure and unit-tested; the canvas part runs only in browsers.

export const MAX_SIDE = 1600;
export const THUMB_SIDE = 160;
const JPEG_QUALITY = 0.85;
const THUMB_QUALITY = 0.7;
/** Files below this size whose sides are within MAX_SIDE are sent as they are. */
const SMALL_BYTES = 1_200_000;

/** The size that fits `width` × `height` into `maxSide`, keeping the aspect ratio. */
export function fitSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  if (!(width > 0) || !(height > 0) || !(maxSide > 0)) return { width: 0, height: 0 };
  const longer = Math.max(width, height);
  if (longer <= maxSide) return { width: Math.round(width), height: Math.round(height) };
  const ratio = maxSide / longer;
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

/** `IMG_1234.HEIC` → `IMG_1234.jpg`. */
export function jpegName(name: string): string {
  return `${name.replace(/\.[^./\\]+$/, '') || 'photo'}.jpg`;
}

export interface PreparedPhoto {
  file: File;
  thumb: string | null;
}

async function decode(
  file: File,
): Promise<{ source: CanvasImageSource; width: number; height: number; done: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, done: () => bitmap.close() };
    } catch {
      // fall back to <img> (older Safari)
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, done: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function draw(source: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(source, 0, 0, width, height);
  return canvas;
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality),
  );
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  let decoded;
  try {
    decoded = await decode(file);
  } catch {
    return { file, thumb: null };
  }
  try {
    const thumbSize = fitSize(decoded.width, decoded.height, THUMB_SIDE);
    let thumb: string | null = null;
    try {
      thumb = draw(decoded.source, thumbSize.width, thumbSize.height).toDataURL('image/jpeg', THUMB_QUALITY);
    } catch {
      thumb = null;
    }
    const target = fitSize(decoded.width, decoded.height, MAX_SIDE);
    const needsWork = target.width < decoded.width || file.size > SMALL_BYTES || file.type !== 'image/jpeg';
    if (!needsWork) return { file, thumb };
    try {
      const blob = await toBlob(draw(decoded.source, target.width, target.height), JPEG_QUALITY);
      // a re-encode that grew the file is not worth sending
      if (blob.size >= file.size && target.width === decoded.width && file.type === 'image/jpeg')
        return { file, thumb };
      return { file: new File([blob], jpegName(file.name), { type: 'image/jpeg' }), thumb };
    } catch {
      return { file, thumb };
    }
  } finally {
    decoded.done();
  }
}
