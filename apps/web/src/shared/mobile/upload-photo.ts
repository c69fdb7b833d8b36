// The phone's photo upload: shrink the camera shot on the device, then POST /api/files.
import { uploadFile } from '../files';
import { compressPhoto } from './photo-compress';

/** Shrinks a camera photo and uploads it; resolves to the stored file's id. */
export async function uploadPhoto(file: File): Promise<string> {
  const small = await compressPhoto(file);
  const uploaded = await uploadFile(small);
  return uploaded.id;
}
