import { COURIER_CODES, type CourierCode, fieldError } from '@komisi/domain';
import type { Courier } from './courier.ts';
import { JntRateTableCourier } from './jnt.courier.ts';

/** The couriers we can quote, by code. They hold no state, so one instance each is shared. */
const COURIERS: Record<CourierCode, Courier> = { jnt: new JntRateTableCourier() };

export function courierCodes(): readonly string[] {
  return COURIER_CODES;
}

/** The courier for a code such as 'jnt' (case and surrounding spaces ignored). */
export function courierFor(code: string): Courier {
  const key = String(code).trim().toLowerCase();
  const courier = Object.hasOwn(COURIERS, key) ? COURIERS[key as CourierCode] : undefined;
  if (!courier) throw fieldError('courier', `must be one of: ${courierCodes().join(', ')}`);
  return courier;
}
