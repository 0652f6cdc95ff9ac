import type { TRPCRouterRecord } from '@trpc/server';

export const catalogRouter = {} satisfies TRPCRouterRecord;
