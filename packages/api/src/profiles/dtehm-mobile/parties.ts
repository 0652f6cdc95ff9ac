import {
  type FieldErrors,
  isDomainError,
  type StockistRefusal,
  stockistRefusal,
  validationError,
} from '@komisi/domain';
import type { CatalogService, ProductDetail } from '../../contexts/catalog/catalog.service.ts';
import { saleTotal } from '../../contexts/commerce/orders.service.ts';
import { findByMemberNumber, type MemberCard } from '../../contexts/network/member-directory.ts';
import { planFor } from '../../contexts/network/mlm-plan.ts';
import type { Scope } from '../../kernel/scope.ts';

const STOCKIST_REFUSAL: Record<StockistRefusal, string> = {
  inactive: 'The selected stockist is not an active member.',
  'not-designated': 'The selected member is not a stockist.',
};

export interface PartiesInput {
  sponsor_id?: string | undefined;
  stockist_id?: string | undefined;
}

export interface Parties {
  sponsor: MemberCard | null;
  stockist: MemberCard | null;
  sponsorAccountId: number | null;
}

async function partyErrors(
  scope: Scope,
  input: PartiesInput,
  buyerSponsorAccountId: number | null,
): Promise<{ fields: FieldErrors; parties: Parties }> {
  const fields: FieldErrors = {};
  const sponsor = input.sponsor_id ? await findByMemberNumber(scope, input.sponsor_id) : null;
  if (input.sponsor_id && !sponsor) fields.sponsor_id = ['The selected sponsor id does not exist.'];
  const stockist = input.stockist_id ? await findByMemberNumber(scope, input.stockist_id) : null;
  if (input.stockist_id && !stockist) fields.stockist_id = ['The selected stockist id does not exist.'];
  else if (stockist) {
    const refusal = stockistRefusal(planFor(scope.tenant), {
      active: stockist.active,
      designatedStockist: stockist.roles.includes('stockist'),
    });
    if (refusal) fields.stockist_id = [STOCKIST_REFUSAL[refusal]];
  }
  return { fields, parties: { sponsor, stockist, sponsorAccountId: sponsor?.id ?? buyerSponsorAccountId } };
}

/**
 * Checks a sale request against the catalog and the network in one go, so a 400 names every
 * bad field (product, quantity, sponsor, stockist) instead of the first one found. The sponsor
 * defaults to the buyer's own sponsor; a stockist must be an active member, and hold the stockist
 * role when the tenant's plan has designated stockists (`stockistEligibility`).
 */
export async function resolveSale(
  scope: Scope,
  catalog: CatalogService,
  input: PartiesInput & { product_id: number; quantity: number },
  buyerSponsorAccountId: number | null,
): Promise<Parties & { product: ProductDetail; total: number }> {
  const product = await catalog.detail(scope, input.product_id).catch((e: unknown) => {
    if (isDomainError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  const { fields, parties } = await partyErrors(scope, input, buyerSponsorAccountId);
  let total = 0;
  if (!product) fields.product_id = ['The selected product does not exist.'];
  else {
    try {
      total = saleTotal(product.price, input.quantity);
    } catch (e) {
      if (!(isDomainError(e) && e.fields?.quantity)) throw e;
      fields.quantity = e.fields.quantity;
    }
  }
  if (!product || Object.keys(fields).length) throw validationError(fields);
  return { ...parties, product, total };
}
