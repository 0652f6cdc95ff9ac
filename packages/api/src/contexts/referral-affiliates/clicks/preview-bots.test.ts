import { describe, expect, it } from 'vitest';
import { countsAsClick, isPreviewBot } from './preview-bots.ts';

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('isPreviewBot', () => {
  it.each([
    ['WhatsApp link preview', 'WhatsApp/2.23.20.0 A'],
    ['WhatsApp on iOS', 'WhatsApp/2.2337.7 i'],
    ['Facebook crawler', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Facebot', 'Facebot'],
    ['Twitterbot', 'Twitterbot/1.0'],
    ['Slackbot', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['TelegramBot', 'TelegramBot (like TwitterBot)'],
    ['Discordbot', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['LinkedInBot', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ['Applebot', 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Applebot/0.1'],
    ['Pinterest crawler', 'Pinterest/0.2 (+https://www.pinterest.com/bot.html)'],
    ['Pinterestbot', 'Mozilla/5.0 (compatible; Pinterestbot/1.0; +https://www.pinterest.com/bot.html)'],
    ['Skype preview', 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5'],
    ['VK', 'Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)'],
    ['Embedly', 'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)'],
    ['generic bot', 'SomeNewBot/3.1'],
    ['generic crawler', 'AcmeCrawler 1.0'],
    ['generic spider', 'Baiduspider+(+http://www.baidu.com/search/spider.htm)'],
    ['generic preview', 'LinkPreviewService/1.0'],
    ['missing user agent', undefined],
    ['blank user agent', '   '],
  ])('%s is a preview bot', (_name, ua) => {
    expect(isPreviewBot(ua)).toBe(true);
  });

  it.each([
    ['Chrome on Android', CHROME_ANDROID],
    ['Safari on iPhone', SAFARI_IPHONE],
    [
      'Firefox on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    ],
    [
      'Instagram in-app browser',
      `${SAFARI_IPHONE.replace(' Safari/604.1', '')} Instagram 358.0.0.25.92 (iPhone15,3; iOS 17_5; id_ID)`,
    ],
    ['Facebook in-app browser', `${CHROME_ANDROID} [FB_IAB/FB4A;FBAV/489.0.0.66.81;]`],
    ['TikTok in-app browser', `${CHROME_ANDROID} trill_350002 JsSdk/1.0 NetType/WIFI Channel/googleplay`],
    ['Pinterest in-app browser (a person, not the crawler)', `${CHROME_ANDROID} [Pinterest/Android]`],
    [
      'a Cubot phone (the brand contains "bot")',
      'Mozilla/5.0 (Linux; Android 12; CUBOT KINGKONG 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    ],
  ])('%s is a person', (_name, ua) => {
    expect(isPreviewBot(ua)).toBe(false);
  });
});

describe('countsAsClick', () => {
  it.each([
    ['GET', CHROME_ANDROID, true],
    ['HEAD', CHROME_ANDROID, false],
    ['GET', 'WhatsApp/2.23.20.0 A', false],
    ['HEAD', 'WhatsApp/2.23.20.0 A', false],
    ['get', SAFARI_IPHONE, true],
  ])('%s by %s counts: %s', (method, ua, counted) => {
    expect(countsAsClick(method, ua)).toBe(counted);
  });
});
