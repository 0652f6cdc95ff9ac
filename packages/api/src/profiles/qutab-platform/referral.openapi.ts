/** The referral link itself (a plain route: a redirect, not JSON). */
export const referralRedirectDoc = {
  // served at the tenant root (/t/{tenant}/r/{code}), not under /api: relative to this document's URL
  servers: [{ url: '..', description: 'The tenant root' }],
  get: {
    operationId: 'referral-redirect',
    tags: ['Referral links'],
    summary: 'Follow a referral link: 302 to the target, the click recorded',
    description:
      'Also at `/r/{code}` on a host mapped to the tenant. Sets the first-party `komisi_ref` cookie ' +
      '(signed; attributes later orders for the attribution window, 30 days by default). Preview bots ' +
      '(WhatsApp, facebookexternalhit, Twitterbot, Slackbot, TelegramBot, Discordbot, ...) and HEAD ' +
      'requests are redirected but not counted. An unknown or unapproved code redirects too, without a cookie. ' +
      '`utm_*` parameters are passed on to the target.',
    parameters: [
      {
        name: 'code',
        in: 'path',
        required: true,
        schema: { type: 'string', example: 'XK7mP2q' },
        example: 'XK7mP2q',
      },
    ],
    responses: {
      '302': {
        description: 'To the target URL',
        headers: {
          Location: { schema: { type: 'string' }, example: 'https://qutab.id/?utm_source=instagram' },
        },
      },
    },
  },
};
