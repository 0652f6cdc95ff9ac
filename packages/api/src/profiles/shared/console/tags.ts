/** The OpenAPI tag of the admin console's operations, in every profile's document. */
export const tags = ['Admin console'];
