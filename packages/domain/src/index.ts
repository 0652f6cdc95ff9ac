export * from './errors.ts';
export * from './member-ids.ts';
export * from './membership.ts';
export * from './mlm-distribution.ts';
export * from './mlm-plan.ts';
export * from './money.ts';
export * from './pagination.ts';
