// Request and response shapes of the dtehm-mobile spec, one file per area of the document.
export * from './schemas/account.schemas.ts';
export * from './schemas/admin.schemas.ts';
export * from './schemas/admin-members.schemas.ts';
export * from './schemas/admin-sales.schemas.ts';
export * from './schemas/membership.schemas.ts';
export * from './schemas/orders.schemas.ts';
export * from './schemas/primitives.schemas.ts';
export * from './schemas/products.schemas.ts';
export * from './schemas/users.schemas.ts';
