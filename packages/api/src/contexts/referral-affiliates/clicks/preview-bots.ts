// Which requests of a referral link are people: link previews (chat apps and social networks
// fetch a shared link to draw its card) and crawlers follow the redirect but are not clicks.

/** Named previewers and crawlers, lower case, matched as substrings. */
const NAMED = [
  'whatsapp/',
  'facebookexternalhit',
  'facebot',
  'twitterbot',
  'slackbot',
  'telegrambot',
  'discordbot',
  'linkedinbot',
  'googlebot',
  'bingbot',
  'applebot',
  'skypeuripreview',
  'vkshare',
  'embedly',
];

/** Pinterest's crawler (`Pinterest/0.2`, `Pinterestbot/1.0`), not its in-app browser (`[Pinterest/Android]`). */
const PINTEREST = /pinterest(?:bot)?\/\d/;

/** Anything else that says what it is. */
const GENERIC = /bot|crawler|spider|preview/;

/** Real phones whose names contain a generic word (the Cubot brand): removed before GENERIC. */
const LOOKALIKES = /cubot/g;

/**
 * True for link previewers, crawlers and requests without a user agent (every browser sends one).
 * Pure and table-tested (preview-bots.test.ts).
 */
export function isPreviewBot(userAgent: string | undefined | null): boolean {
  const ua = userAgent?.trim().toLowerCase() ?? '';
  if (ua === '') return true;
  if (NAMED.some((name) => ua.includes(name))) return true;
  if (PINTEREST.test(ua)) return true;
  return GENERIC.test(ua.replace(LOOKALIKES, ''));
}

/** A referral click is counted (and gets the attribution cookie) only for a person's GET. */
export function countsAsClick(method: string, userAgent: string | undefined | null): boolean {
  return method.toUpperCase() === 'GET' && !isPreviewBot(userAgent);
}
