// Shrinks phone photos before upload: a 12-megapixel camera shot is 4–8 MB, which takes minutes
// on a weak mobile connection. Images whose longer side is above MAX_SIDE (or that are simply
// heavy) are redrawn on a canvas at most MAX_SIDE px wide or high and re-encoded as JPEG.
// Re-encoding also drops the EXIF block (with the GPS position of the photographer's phone).
// The size computation is pure and unit-tested; the canvas part runs only in the browser.

export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.85;
/** Files below this size whose sides are within MAX_SIDE are sent as they are. */
export const SMALL_BYTES = 1_200_000;

export interface TargetSize {
  width: number;
  height: number;
  /** True when the image has to be scaled down. */
  scaled: boolean;
}

/**
 * The size to draw an image of `width` × `height` so its longer side is at most `maxSide`,
 * keeping the aspect ratio (rounded, at least 1 px). Images already small enough keep their size.
 */
export function targetSize(width: number, height: number, maxSide = MAX_SIDE): TargetSize {
  if (!(width > 0) || !(height > 0) || !(maxSide > 0)) return { width: 0, height: 0, scaled: false };
  const longer = Math.max(width, height);
  if (longer <= maxSide) return { width: Math.round(width), height: Math.round(height), scaled: false };
  const ratio = maxSide / longer;
  return {
    width: Math.max(1, Math.round(width * ratio)),
    height: Math.max(1, Math.round(height * ratio)),
    scaled: true,
  };
}

/** Whether a file of this size and these dimensions should be re-encoded before upload. */
export function needsCompression(bytes: number, width: number, height: number, maxSide = MAX_SIDE): boolean {
  return targetSize(width, height, maxSide).scaled || bytes > SMALL_BYTES;
}

/** `IMG_1234.HEIC` → `IMG_1234.jpg`. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]+$/, '') || 'photo';
  return `${base}.jpg`;
}

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  release: () => void;
}

async function decode(file: File): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      // 'from-image' applies the EXIF rotation, so portrait shots stay upright.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // fall back to an <img> (older Safari)
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return {
      source: img,
      width: img.naturalWidth,
      height: img.naturalHeight,
      release: () => URL.revokeObjectURL(url),
    };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * The photo to upload: a JPEG at most MAX_SIDE px on its longer side, or the original file when
 * it is already small, is not an image the browser can decode, or re-encoding would not help.
 * Never throws: on any failure the original goes up and the server decides.
 */
export async function compressPhoto(file: File, maxSide = MAX_SIDE, quality = JPEG_QUALITY): Promise<File> {
  if (!file.type.startsWith('image/') || file.type === 'image/gif' || file.type === 'image/svg+xml') return file;
  let decoded: Decoded | null = null;
  try {
    decoded = await decode(file);
    if (!needsCompression(file.size, decoded.width, decoded.height, maxSide)) return file;
    const size = targetSize(decoded.width, decoded.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    // JPEG has no alpha: paint white under transparent PNGs instead of black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(decoded.source, 0, 0, size.width, size.height);
    const blob = await toBlob(canvas, quality);
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: Date.now() });
  } catch {
    return file;
  } finally {
    decoded?.release();
  }
}
