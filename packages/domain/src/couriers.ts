/** The couriers the shop can quote shipping with, by code (each has an adapter in the commerce context). */
export const COURIER_CODES = ['jnt'] as const;
export type CourierCode = (typeof COURIER_CODES)[number];
