import type { AffiliateMarketerRouter, AnsaniaRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, type KomisiClientOptions } from './client.ts';

export type AffiliateMarketerInputs = inferRouterInputs<AffiliateMarketerRouter>;
export type AffiliateMarketerOutputs = inferRouterOutputs<AffiliateMarketerRouter>;
export type AffiliateMarketerClient = TRPCClient<AffiliateMarketerRouter>;

/**
 * The affiliate-marketer procedures of a tenant that serves them beside its shop (ansania). The
 * affiliate signs in through the shop: pass the shop client's token store to share the session.
 *
 * @example
 * const shop = createAnsaniaClient({ baseUrl, tenant: 'ansania' });
 * await shop.login('darmawan@ansania.demo', 'secret');
 * const affiliate = createAffiliateMarketerClient({ baseUrl, tenant: 'ansania', tokenStore: shop.tokenStore });
 * const { totalCommission } = await affiliate.affiliate.commission.query();
 */
export function createAffiliateMarketerClient(options: KomisiClientOptions): AffiliateMarketerClient {
  const { client } = createSessionClient<AffiliateMarketerRouter>(options, {
    // The tenant's tRPC endpoint serves the shop's procedures too: refresh through the shop's.
    refresh: async (anonymous, refresh_token) => {
      const shop = anonymous as unknown as TRPCClient<AnsaniaRouter>;
      const r = await shop.auth.refresh.mutate({ refresh_token });
      return { accessToken: r.token, refreshToken: r.refresh_token };
    },
    skipRefresh: ['auth.refresh'],
  });
  return client;
}
