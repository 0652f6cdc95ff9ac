import { DomainError } from '@komisi/domain';
import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { IdentityService } from '../../identity/identity.service.ts';
import { Address } from './address.entity.ts';

/** Where a checkout ships, and who pays (the account's contact details, for the gateway). */
export type ShippingAddress = Pick<
  Address,
  | 'recipientName'
  | 'phone'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'district'
  | 'province'
  | 'postalCode'
> & { buyer: { email: string; name: string; phone: string | null } };

export interface AddressInput {
  label: string;
  recipientName: string;
  phone: string;
  addressLine1: string;
  addressLine2?: string | null | undefined;
  city: string;
  district?: string | null | undefined;
  province: string;
  postalCode: string;
  isDefault?: boolean | undefined;
}

/**
 * A customer's address book. The first address becomes the default; removing it promotes the oldest.
 * Changes to one customer's address book queue behind each other (identity's account row is their
 * lock), so concurrent "make this the default" requests all succeed and one default remains.
 */
export class AddressesService {
  readonly #identity: IdentityService;

  constructor(identity: IdentityService) {
    this.#identity = identity;
  }

  list(scope: Scope, accountId: number): Promise<Address[]> {
    return scope.em.find(Address, { account: accountId }, { orderBy: { isDefault: 'desc', id: 'asc' } });
  }

  /** The caller's own address; anyone else's is reported as not found. */
  async own(scope: Scope, accountId: number, id: number): Promise<Address> {
    const address = await scope.em.findOne(Address, { id, account: accountId });
    if (!address) throw new DomainError('NOT_FOUND', 'Address not found');
    return address;
  }

  /**
   * The caller's own address as a checkout ships to it, with the account's contact details for the
   * payment (one statement on the checkout's hot path); anyone else's is reported as not found.
   */
  async shippingAddress(scope: Scope, accountId: number, id: number): Promise<ShippingAddress> {
    const row = await boundRow<ShippingAddress>(
      scope,
      sql`select ad.recipient_name as "recipientName", ad.phone, ad.address_line1 as "addressLine1",
            ad.address_line2 as "addressLine2", ad.city, ad.district, ad.province, ad.postal_code as "postalCode",
            json_build_object('email', a.email, 'name', a.name, 'phone', a.phone) as buyer
          from address ad join account a on a.id = ad.account_id and a.tenant_id = ad.tenant_id
          where ad.tenant_id = ${scope.tenant.id} and ad.id = ${id} and ad.account_id = ${accountId}`,
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Address not found');
    return row;
  }

  async create(scope: Scope, accountId: number, input: AddressInput): Promise<Address> {
    return inTransaction(scope, async (tx) => {
      await this.#identity.lockAccount(tx, accountId);
      const first = (await tx.em.count(Address, { account: accountId })) === 0;
      const makeDefault = first || input.isDefault === true;
      if (makeDefault) await this.#clearDefault(tx, accountId);
      const address = tx.em.create(Address, {
        tenant: tx.tenant.id,
        account: accountId,
        ...fields(input),
        isDefault: makeDefault,
        createdAt: tx.now,
      });
      await tx.em.flush();
      return address;
    });
  }

  async update(scope: Scope, accountId: number, id: number, input: AddressInput): Promise<Address> {
    return inTransaction(scope, async (tx) => {
      await this.#identity.lockAccount(tx, accountId);
      const address = await this.own(tx, accountId, id);
      if (input.isDefault === true && !address.isDefault) await this.#clearDefault(tx, accountId);
      tx.em.assign(address, { ...fields(input), ...(input.isDefault === true && { isDefault: true }) });
      await tx.em.flush();
      return address;
    });
  }

  async remove(scope: Scope, accountId: number, id: number): Promise<void> {
    await inTransaction(scope, async (tx) => {
      await this.#identity.lockAccount(tx, accountId);
      const address = await this.own(tx, accountId, id);
      tx.em.remove(address);
      await tx.em.flush();
      if (address.isDefault) {
        const next = await tx.em.findOne(Address, { account: accountId }, { orderBy: { id: 'asc' } });
        if (next) {
          next.isDefault = true;
          await tx.em.flush();
        }
      }
    });
  }

  async setDefault(scope: Scope, accountId: number, id: number): Promise<Address> {
    return inTransaction(scope, async (tx) => {
      await this.#identity.lockAccount(tx, accountId);
      const address = await this.own(tx, accountId, id);
      if (!address.isDefault) {
        await this.#clearDefault(tx, accountId);
        address.isDefault = true;
        await tx.em.flush();
      }
      return address;
    });
  }

  async #clearDefault(tx: Scope, accountId: number): Promise<void> {
    await tx.em.nativeUpdate(Address, { account: accountId, isDefault: true }, { isDefault: false });
  }
}

function fields(input: AddressInput) {
  return {
    label: input.label,
    recipientName: input.recipientName,
    phone: input.phone,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 ?? null,
    city: input.city,
    district: input.district ?? null,
    province: input.province,
    postalCode: input.postalCode,
  };
}
