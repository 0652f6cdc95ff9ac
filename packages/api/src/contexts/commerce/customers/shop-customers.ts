import { DomainError, type FieldErrors, isDomainError, normalizeIndonesianPhone } from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { Account } from '../../identity/account.entity.ts';
import { EMAIL_TAKEN, type IdentityService, PHONE_TAKEN } from '../../identity/identity.service.ts';

export interface NewShopCustomer {
  email: string;
  phone: string;
  name: string;
  password: string;
}

/**
 * Registers a shop customer: an email or a phone number that already names an account of the
 * tenant is refused with CONFLICT (409 "Resource already exists"), naming each taken field. A
 * phone is the same in any written form (`+62812…`, `62812…`, `0812…`). A transaction-scoped
 * advisory lock on the number serialises concurrent registrations of one phone; the unique index
 * decides concurrent ones of one email.
 */
export async function registerShopCustomer(
  scope: Scope,
  identity: IdentityService,
  input: NewShopCustomer,
): Promise<Account> {
  const phone = normalizeIndonesianPhone(input.phone);
  try {
    return await inTransaction(scope, async (tx) => {
      await identity.lockPhone(tx, phone);
      const fields: FieldErrors = {};
      if (await identity.emailTaken(tx, input.email)) fields.email = [EMAIL_TAKEN];
      if (await identity.phoneTaken(tx, phone)) fields.phone = [PHONE_TAKEN];
      if (fields.email || fields.phone) throw conflict(fields);
      return identity.createAccount(tx, {
        email: input.email,
        password: input.password,
        name: input.name,
        phone: input.phone,
        roles: ['member'],
      });
    });
  } catch (e) {
    // an email registered between the check and the insert: the unique index refused it
    if (isDomainError(e) && e.code === 'VALIDATION_ERROR' && e.fields?.email?.includes(EMAIL_TAKEN)) {
      throw conflict({ email: [EMAIL_TAKEN] });
    }
    throw e;
  }
}

function conflict(fields: FieldErrors): DomainError {
  const message =
    fields.email && fields.phone
      ? 'The email and the phone have already been taken.'
      : (fields.email?.[0] ?? fields.phone?.[0])!;
  return new DomainError('CONFLICT', message, { fields });
}
