import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for the Authorization header
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
 * enough for S3-compatible object PUT, GET and DELETE. Tested against AWS's published examples.
 */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SigV4Request {
  method: string;
  url: string | URL;
  /** every header given here is signed; `host` and `x-amz-date` are added when absent */
  headers?: Record<string, string>;
  /** hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`) */
  payloadHash: string;
}

export interface SigV4Options {
  credentials: SigV4Credentials;
  region: string;
  service: string;
  now: Date;
  /** S3 wants the payload hash as the `x-amz-content-sha256` header too */
  contentSha256Header?: boolean;
}

export interface SignedRequest {
  /** the headers to send: the given ones plus host, x-amz-date, (x-amz-content-sha256) and authorization */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Uint8Array, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `20130524T000000Z` */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** S3 style: each path segment encoded once, no normalisation. */
function canonicalUri(url: URL): string {
  const path = url.pathname || '/';
  return path
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  return hmac(hmac(hmac(kDate, region), service), 'aws4_request');
}

export function signV4(request: SigV4Request, options: SigV4Options): SignedRequest {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host ??= url.host;
  const timestamp = headers['x-amz-date'] ?? amzDate(options.now);
  headers['x-amz-date'] = timestamp;
  if (options.contentSha256Header) headers['x-amz-content-sha256'] ??= request.payloadHash;
  if (options.credentials.sessionToken) headers['x-amz-security-token'] ??= options.credentials.sessionToken;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names
    .map((n) => `${n}:${(headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(url),
    canonicalQuery(url),
    canonicalHeaders,
    signedHeaders,
    request.payloadHash,
  ].join('\n');

  const date = timestamp.slice(0, 8);
  const credentialScope = `${date}/${options.region}/${options.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, credentialScope, sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const signature = createHmac(
    'sha256',
    signingKey(options.credentials.secretAccessKey, date, options.region, options.service),
  )
    .update(stringToSign, 'utf8')
    .digest('hex');
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${options.credentials.accessKeyId}/${credentialScope},` +
    `SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature };
}
