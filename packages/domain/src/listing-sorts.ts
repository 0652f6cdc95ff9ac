/** How a storefront's product list can be ordered. */
export const STOREFRONT_SORTS = ['newest', 'price_asc', 'price_desc', 'popular', 'rating'] as const;
export type StorefrontSort = (typeof STOREFRONT_SORTS)[number];

/** How a product's reviews can be ordered. */
export const REVIEW_SORTS = ['recent', 'highest', 'lowest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
