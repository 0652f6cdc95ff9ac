import type { TRPCRouterRecord } from '@trpc/server';

export const cartRouter = {} satisfies TRPCRouterRecord;
