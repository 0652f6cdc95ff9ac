import { describe, expect, it } from 'vitest';
import { DomainError, DomainErrorCode, fieldError, isDomainError, validationError } from './errors.ts';

describe('DomainErrorCode', () => {
  it('maps every code to its own name so codes survive JSON round-trips unchanged', () => {
    for (const [key, value] of Object.entries(DomainErrorCode)) {
      expect(value).toBe(key);
    }
    expect(Object.keys(DomainErrorCode)).toEqual([
      'VALIDATION_ERROR',
      'UNAUTHORIZED',
      'TOKEN_EXPIRED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'INSUFFICIENT_BALANCE',
      'BELOW_MINIMUM_PAYOUT',
      'BANK_ACCOUNT_NOT_VERIFIED',
      'INSUFFICIENT_STOCK',
      'PAYMENT_PENDING',
      'PAYMENT_FAILED',
      'PAYMENT_PROVIDER_ERROR',
      'INVALID_STATE',
      'RULE_VIOLATION',
      'INTERNAL_ERROR',
    ]);
  });
});

describe('DomainError', () => {
  it('carries code, message, fields and details', () => {
    const error = new DomainError(DomainErrorCode.CONFLICT, 'Already exists', {
      fields: { email: ['taken'] },
      details: { id: 7 },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Already exists');
    expect(error.fields).toEqual({ email: ['taken'] });
    expect(error.details).toEqual({ id: 7 });
  });

  it('leaves fields, details and cause undefined when no options are given', () => {
    const error = new DomainError('NOT_FOUND', 'Missing');
    expect(error.fields).toBeUndefined();
    expect(error.details).toBeUndefined();
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('keeps the underlying cause', () => {
    const cause = new Error('socket hang up');
    const error = new DomainError('PAYMENT_PROVIDER_ERROR', 'Provider failed', { cause });
    expect(error.cause).toBe(cause);
  });
});

describe('validationError', () => {
  it('builds a VALIDATION_ERROR with the Laravel-style default message', () => {
    const error = validationError({ amount: ['is required'] });
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('The given data was invalid.');
    expect(error.fields).toEqual({ amount: ['is required'] });
  });

  it('accepts a custom message', () => {
    expect(validationError({}, 'Bad plan').message).toBe('Bad plan');
  });
});

describe('isDomainError', () => {
  it('recognises domain errors only', () => {
    expect(isDomainError(new DomainError('FORBIDDEN', 'no'))).toBe(true);
    expect(isDomainError(new Error('no'))).toBe(false);
    expect(isDomainError({ code: 'FORBIDDEN', message: 'no' })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});

describe('fieldError', () => {
  it('builds a VALIDATION_ERROR for a single field', () => {
    const error = fieldError('page', 'must be at least 1');
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.fields).toEqual({ page: ['must be at least 1'] });
  });
});
