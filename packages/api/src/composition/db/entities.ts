import type { EntitySchema } from '@mikro-orm/core';
import { AuditEntry } from '../../contexts/audit/audit-entry.entity.ts';
import { Category } from '../../contexts/catalog/category.entity.ts';
import { Product } from '../../contexts/catalog/product.entity.ts';
import { ProductImage } from '../../contexts/catalog/product-image.entity.ts';
import { ProductVariant } from '../../contexts/catalog/product-variant.entity.ts';
import { Review } from '../../contexts/catalog/review.entity.ts';
import { Cart, CartItem } from '../../contexts/commerce/cart/cart.entity.ts';
import { Address } from '../../contexts/commerce/customers/address.entity.ts';
import { Order } from '../../contexts/commerce/orders/order.entity.ts';
import { OrderItem } from '../../contexts/commerce/orders/order-item.entity.ts';
import { OrderStatusEvent } from '../../contexts/commerce/orders/order-status-event.entity.ts';
import { Voucher, VoucherRedemption } from '../../contexts/commerce/vouchers/voucher.entity.ts';
import { WishlistItem } from '../../contexts/commerce/wishlist/wishlist-item.entity.ts';
import { CooperativeMember } from '../../contexts/cooperative/cooperative-member.entity.ts';
import { KycDocument } from '../../contexts/cooperative/kyc-document.entity.ts';
import { MemberReferral } from '../../contexts/cooperative/member-referral.entity.ts';
import { MemberTally } from '../../contexts/cooperative/member-tally.entity.ts';
import { FileObject } from '../../contexts/files/file-object.entity.ts';
import { Account } from '../../contexts/identity/account.entity.ts';
import { LoginThrottle } from '../../contexts/identity/login-throttle.entity.ts';
import { PhoneOtp } from '../../contexts/identity/otp.entity.ts';
import { PasswordReset } from '../../contexts/identity/password-reset.entity.ts';
import { Session } from '../../contexts/identity/session.entity.ts';
import { JobLease, JobRun } from '../../contexts/jobs/job.entity.ts';
import { LedgerAccount, LedgerEntry, LedgerPosting } from '../../contexts/ledger/ledger.entity.ts';
import { Commission } from '../../contexts/network/commission.entity.ts';
import { Member } from '../../contexts/network/member.entity.ts';
import { NetworkLevelCount } from '../../contexts/network/network-level-count.entity.ts';
import { NetworkLink } from '../../contexts/network/network-link.entity.ts';
import { OutboxMessage } from '../../contexts/notifications/outbox-message.entity.ts';
import { WhatsappDeliveryReport } from '../../contexts/notifications/whatsapp/delivery-report.entity.ts';
import { Payment } from '../../contexts/payments/payment.entity.ts';
import { SandboxCharge } from '../../contexts/payments/sandbox-charge.entity.ts';
import { WebhookEvent } from '../../contexts/payments/webhook-event.entity.ts';
import { PlatformAdmin, PlatformSession } from '../../contexts/platform/platform-admin.entity.ts';
import { ProgrammeBatch } from '../../contexts/programmes/programme-batch.entity.ts';
import { ProgrammeParticipant } from '../../contexts/programmes/programme-participant.entity.ts';
import { ProgressCheckIn } from '../../contexts/programmes/progress-check-in.entity.ts';
import { Affiliate } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import { BankAccount } from '../../contexts/referral-affiliates/bank-accounts/bank-account.entity.ts';
import {
  AffiliateClickDaily,
  ReferralClick,
} from '../../contexts/referral-affiliates/clicks/referral-click.entity.ts';
import { AffiliateReferral } from '../../contexts/referral-affiliates/commissions/affiliate-referral.entity.ts';
import { AffiliatePayout } from '../../contexts/referral-affiliates/payouts/payout.entity.ts';
import { ProgramContent } from '../../contexts/referral-affiliates/program-content.entity.ts';
import { installRollupSchema } from '../../contexts/reporting/rollup-triggers.ts';
import {
  MemberJoinDaily,
  MemberSavingsBalance,
  MemberStatusTotal,
  SavingsFlowDaily,
  SavingsFlowMonthly,
  SavingsProductBalance,
} from '../../contexts/reporting/savings-rollups.entity.ts';
import { SavingsAccount } from '../../contexts/savings/savings-account.entity.ts';
import { SavingsProduct } from '../../contexts/savings/savings-product.entity.ts';
import { SavingsTransaction } from '../../contexts/savings/savings-transaction.entity.ts';
import { SequenceCounter } from '../../contexts/tenancy/sequence.entity.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';

// The reporting rollups' triggers (and index) on the tables they summarise, before any ORM reads the entities.
installRollupSchema();

/** Rows that belong to one tenant: the tenant filter scopes every query on them. */
/** Annotated: the inferred union of every entity class is too long to write into a declaration file. */
export const TENANT_OWNED_ENTITIES: EntitySchema[] = [
  Affiliate,
  AffiliateReferral,
  ReferralClick,
  AffiliateClickDaily,
  BankAccount,
  AffiliatePayout,
  FileObject,
  ProgramContent,
  Account,
  Session,
  PasswordReset,
  OutboxMessage,
  WhatsappDeliveryReport,
  LoginThrottle,
  PhoneOtp,
  Member,
  NetworkLink,
  NetworkLevelCount,
  Category,
  Product,
  ProductVariant,
  ProductImage,
  Review,
  Cart,
  CartItem,
  Voucher,
  VoucherRedemption,
  WishlistItem,
  Order,
  OrderItem,
  OrderStatusEvent,
  Address,
  Payment,
  WebhookEvent,
  LedgerAccount,
  LedgerEntry,
  LedgerPosting,
  Commission,
  SequenceCounter,
  CooperativeMember,
  SavingsProduct,
  SavingsAccount,
  SavingsTransaction,
  ProgrammeBatch,
  ProgrammeParticipant,
  ProgressCheckIn,
  KycDocument,
  MemberReferral,
  MemberTally,
  SavingsFlowDaily,
  SavingsFlowMonthly,
  SavingsProductBalance,
  MemberSavingsBalance,
  MemberJoinDaily,
  MemberStatusTotal,
  AuditEntry,
];

export const ALL_ENTITIES: EntitySchema[] = [
  Tenant,
  SandboxCharge,
  JobRun,
  JobLease,
  PlatformAdmin,
  PlatformSession,
  ...TENANT_OWNED_ENTITIES,
];
