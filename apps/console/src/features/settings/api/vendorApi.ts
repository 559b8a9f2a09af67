import { api } from '../../../api/client';
import type { Features, VendorProfile, VendorProfileUpdate } from '../../../api/types';

export function getVendor(): Promise<VendorProfile> {
  return api.get<VendorProfile>('/vendor');
}

export function updateVendor(body: VendorProfileUpdate): Promise<VendorProfile> {
  return api.patch<VendorProfile>('/vendor', body);
}

/** The logo goes up as the raw image body (png, jpeg or webp, at most 512 KB). */
export function uploadLogo(file: Blob, contentType: string): Promise<unknown> {
  return api.putRaw('/vendor/logo', file, contentType);
}

export function getFeatures(): Promise<Features> {
  return api.get<Features>('/features');
}

export function updateFeatures(body: Partial<Features>): Promise<Features> {
  return api.put<Features>('/features', body);
}
