import type { Address } from '../../contexts/commerce/customers/address.entity.ts';
import type { Account } from '../../contexts/identity/account.entity.ts';

export const presentUserSummary = (a: Pick<Account, 'id' | 'email' | 'name'>) => ({
  id: a.id,
  email: a.email,
  full_name: a.name,
  // The spec's Odoo ids: this deployment has no Odoo link.
  odoo_user_id: null,
  odoo_partner_id: null,
});

export const presentProfile = (a: Account) => ({
  id: a.id,
  email: a.email,
  phone: a.phone ?? null,
  full_name: a.name,
  email_verified: a.emailVerifiedAt != null,
  created_at: a.createdAt.toISOString(),
});

export const presentAddress = (a: Address) => ({
  id: a.id,
  label: a.label,
  recipient_name: a.recipientName,
  phone: a.phone,
  address_line1: a.addressLine1,
  address_line2: a.addressLine2 ?? null,
  city: a.city,
  district: a.district ?? null,
  province: a.province,
  postal_code: a.postalCode,
  is_default: a.isDefault,
});

export const toAddressInput = (i: {
  label: string;
  recipient_name: string;
  phone: string;
  address_line1: string;
  address_line2?: string | null | undefined;
  city: string;
  district?: string | null | undefined;
  province: string;
  postal_code: string;
  is_default?: boolean | undefined;
}) => ({
  label: i.label,
  recipientName: i.recipient_name,
  phone: i.phone,
  addressLine1: i.address_line1,
  addressLine2: i.address_line2,
  city: i.city,
  district: i.district,
  province: i.province,
  postalCode: i.postal_code,
  isDefault: i.is_default,
});
