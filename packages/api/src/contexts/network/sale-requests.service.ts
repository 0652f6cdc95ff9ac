import {
  type Distribution,
  type FieldErrors,
  isDomainError,
  type StockistRefusal,
  stockistRefusal,
  validationError,
} from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { CatalogService, SaleItem } from '../catalog/catalog.service.ts';
import type { CommissionsService } from './commissions.service.ts';
import { findByMemberNumbers, type MemberCard } from './member-directory.ts';
import { SPONSOR_NOT_FOUND } from './member-registration.service.ts';
import type { MembershipService } from './membership.service.ts';
import { planFor } from './mlm-plan.ts';

const STOCKIST_REFUSAL: Record<StockistRefusal, string> = {
  inactive: 'The selected stockist is not an active member.',
  'not-designated': 'The selected member is not a stockist.',
};

/** A member's request to buy a product, naming the sale's sponsor and stockist by member number. */
export interface SaleRequest {
  productId: number;
  quantity: number;
  sponsorMemberNumber?: string | undefined;
  stockistMemberNumber?: string | undefined;
}

export interface CheckedParties {
  sponsor: MemberCard | null;
  stockist: MemberCard | null;
  /** the named sponsor's account, else the buyer's own sponsor's */
  sponsorAccountId: number | null;
}

export type CheckedSale = CheckedParties & { product: SaleItem; total: number };

/** Who earns what on a sale, before it is made. */
export interface SalePreview {
  product: SaleItem;
  total: number;
  /** the sponsor the sale pays from: the named one, else the buyer's own */
  sponsor: MemberCard | null;
  stockist: MemberCard | null;
  distribution: Distribution<MemberCard>;
}

export interface SaleRequestsDeps {
  catalog: Pick<CatalogService, 'saleItem'>;
  membership: Pick<MembershipService, 'profile'>;
  commissions: Pick<CommissionsService, 'preview'>;
  /** price × quantity, a total too large to be exact refused as the quantity's fault (commerce's rule) */
  saleTotal: (unitPrice: number, quantity: number) => number;
}

/** A member's sale request checked against the catalog and the network, and its commissions previewed. */
export class SaleRequestsService {
  readonly #deps: SaleRequestsDeps;

  constructor(deps: SaleRequestsDeps) {
    this.#deps = deps;
  }

  /**
   * Checks a sale request against the catalog and the network in one go, so a 400 names every
   * bad field (product, quantity, sponsor, stockist) instead of the first one found. The sponsor
   * defaults to the buyer's own sponsor; a stockist must be an active member, and hold the stockist
   * role when the tenant's plan has designated stockists (`stockistEligibility`).
   */
  async check(scope: Scope, buyerAccountId: number, request: SaleRequest): Promise<CheckedSale> {
    const buyer = await this.#deps.membership.profile(scope, buyerAccountId);
    const product = await this.#deps.catalog.saleItem(scope, request.productId);
    const { fields, parties } = await partyErrors(scope, request, buyer.sponsorAccountId);
    let total = 0;
    if (!product) fields.product_id = ['The selected product does not exist.'];
    else {
      try {
        total = this.#deps.saleTotal(product.price, request.quantity);
      } catch (e) {
        if (!(isDomainError(e) && e.fields?.quantity)) throw e;
        fields.quantity = e.fields.quantity;
      }
    }
    if (!product || Object.keys(fields).length) throw validationError(fields);
    return { ...parties, product, total };
  }

  /** The checked sale and the commissions it would pay: the same calculation confirmation posts. */
  async preview(scope: Scope, buyerAccountId: number, request: SaleRequest): Promise<SalePreview> {
    const { product, total, ...parties } = await this.check(scope, buyerAccountId, request);
    // the chain's read also gives the buyer's own sponsor's card when none was named
    const { distribution, sponsor } = await this.#deps.commissions.preview(
      scope,
      { sponsorAccountId: parties.sponsorAccountId, stockistAccountId: parties.stockist?.id ?? null },
      total,
    );
    return { product, total, sponsor: parties.sponsor ?? sponsor, stockist: parties.stockist, distribution };
  }
}

async function partyErrors(
  scope: Scope,
  request: SaleRequest,
  buyerSponsorAccountId: number | null,
): Promise<{ fields: FieldErrors; parties: CheckedParties }> {
  const fields: FieldErrors = {};
  const { sponsorMemberNumber, stockistMemberNumber } = request;
  // both looked up in one statement
  const [sponsor = null, stockist = null] = await findByMemberNumbers(scope, [
    sponsorMemberNumber ?? '',
    stockistMemberNumber ?? '',
  ]);
  if (sponsorMemberNumber && !sponsor) fields.sponsor_id = [SPONSOR_NOT_FOUND];
  if (stockistMemberNumber && !stockist) fields.stockist_id = ['The selected stockist id does not exist.'];
  else if (stockist) {
    const refusal = stockistRefusal(planFor(scope.tenant), {
      active: stockist.active,
      designatedStockist: stockist.roles.includes('stockist'),
    });
    if (refusal) fields.stockist_id = [STOCKIST_REFUSAL[refusal]];
  }
  return { fields, parties: { sponsor, stockist, sponsorAccountId: sponsor?.id ?? buyerSponsorAccountId } };
}
