import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { accessLogger } from './logger.ts';
import { REDACTED } from './redaction.ts';

describe('accessLogger', () => {
  it('writes to the same stream at the same level, and leaves the other lines redacted', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(
      { level: 'info', redact: { paths: ['password', '*.password'], censor: REDACTED } },
      stream,
    );
    const access = accessLogger(log);
    access.info({ requestId: 'r-1', method: 'GET', path: '/t/x/api/profile', status: 200, ms: 1.5 });
    access.debug({ requestId: 'r-2' });
    log.info({ body: { password: 'secret' } });
    const [accessLine, other] = lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(accessLine).toMatchObject({ requestId: 'r-1', method: 'GET', status: 200 });
    expect(other.body.password).toBe(REDACTED);
  });
});
