import { createContext, useContext } from 'react';
import type { TenantInfo } from '../session/tenant-info.ts';

export const TenantContext = createContext<TenantInfo | null>(null);

/** The tenant whose console this is (its currency, time zone, profile). */
export function useTenant(): TenantInfo {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error('useTenant outside a tenant console');
  return tenant;
}
