import type { TRPCRouterRecord } from '@trpc/server';

/** koperasi-sinoman: filled area by area. */
export const adminMembersRouter = {} satisfies TRPCRouterRecord;
