import type { OperationExamples } from '../../shared/operation-examples.ts';

export const webhooksExamples: OperationExamples = {};
