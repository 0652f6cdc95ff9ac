import { fieldError } from '@komisi/domain';
import type { Courier } from './courier.ts';
import { JntRateTableCourier } from './jnt.courier.ts';

/** The couriers we can quote, by code. They hold no state, so one instance each is shared. */
const COURIERS = new Map<string, Courier>([['jnt', new JntRateTableCourier()]]);

export function courierCodes(): string[] {
  return [...COURIERS.keys()];
}

/** The courier for a code such as 'jnt' (case and surrounding spaces ignored). */
export function courierFor(code: string): Courier {
  const courier = COURIERS.get(String(code).trim().toLowerCase());
  if (!courier) throw fieldError('courier', `must be one of: ${courierCodes().join(', ')}`);
  return courier;
}
