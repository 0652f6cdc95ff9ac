/** The OpenAPI tag of the affiliate dashboard's operations. */
export const tags = ['Affiliate'];
