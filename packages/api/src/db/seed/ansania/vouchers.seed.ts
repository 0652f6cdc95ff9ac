import type { Scope } from '../../../platform/scope.ts';

/** The spec's test vouchers `WELCOME10` and `FREESHIP`. */
export async function seedAnsaniaVouchers(_scope: Scope): Promise<void> {}
