/** The OpenAPI tag of the programme's admin operations. */
export const tags = ['Admin: affiliate programme'];
