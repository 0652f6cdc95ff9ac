import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleUnderTest,
  LABELS,
  navTo,
  startConsole,
  submitAndConfirm,
} from '../testing/console-browser.ts';
import { TEST_ADMIN_PASSWORD } from '../testing/test-app.ts';

// Every tenant's settings editor and audit log in the browser: a change saved (after a question), a
// refused value shown on its field, a stored secret never shown and kept when the rest of its
// setting changes, the change then read in the audit log with its before and after; dtehm's MLM
// plan with its what-if preview beside it.

const id = LABELS.id;
const en = LABELS.en;
const SERVER_KEY = 'SB-Mid-server-secret-4321';
let b: ConsoleUnderTest;

beforeAll(async () => {
  b = await startConsole();
});
afterAll(async () => {
  await b?.close();
});

async function qutabAdmin(): Promise<string> {
  const login = await b.app.request('POST', '/t/qutab/api/auth/login', {
    body: { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD },
  });
  return login.body.data.access_token;
}

const storedSetting = async (token: string, key: string) => {
  const res = await b.app.request('GET', '/t/qutab/api/admin/console/settings', { token });
  return res.body.data.settings.find((s: { key: string }) => s.key === key)?.value;
};

describe('the settings editor and the audit log', () => {
  it('saves a change, shows a refused field, keeps a secret masked; the audit log shows the change', async () => {
    const token = await qutabAdmin();
    const gateway = await b.app.request('PUT', '/t/qutab/api/admin/console/settings/payments', {
      token,
      body: { value: { provider: 'midtrans', midtrans: { serverKey: SERVER_KEY } } },
    });
    expect(gateway.status, JSON.stringify(gateway.body)).toBe(200);

    const tab = await b.openTab();
    const { page } = tab;
    await b.signIn(tab, 'qutab', 'admin@qutab.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.consoleNav.settings);
    const open = async (title: string) => {
      const escaped = title.replace(/[()]/g, '\\$&');
      await page.getByRole('button', { name: new RegExp(`^${escaped}`) }).click();
      return page.getByRole('form', { name: title });
    };
    const save = (form: Locator, title: string) =>
      submitAndConfirm(
        page,
        form.getByRole('button', { name: id.common.save }),
        id.settings.confirmTitle(title),
        id.common.save,
      );

    // a refused value: the API's message on the field it names; the dialog stays for another try
    const origins = await open('Allowed browser origins');
    await origins.getByLabel('Allowed browser origins').fill('https://shop.example.com/path');
    await page.keyboard.press('Enter');
    await save(origins, 'Allowed browser origins');
    await origins.getByText(/#1: /).waitFor();
    expect(tab.errors).toEqual([expect.stringMatching(/status of 4\d\d/)]);
    tab.errors.length = 0;
    await page
      .getByRole('dialog', { name: id.settings.confirmTitle('Allowed browser origins') })
      .getByRole('button', { name: id.common.cancel })
      .click();
    expect(await storedSetting(token, 'allowedOrigins')).toBeNull();

    // a secret: shown only as stored with its last four; another field changed, the secret kept
    const payments = await open('Payment gateway');
    await payments.getByText(id.settings.secretSet('4321')).first().waitFor();
    expect(await payments.getByLabel('Server key', { exact: true }).inputValue()).toBe('');
    await payments.getByLabel('Virtual account lifetime (minutes)').fill('60');
    await save(payments, 'Payment gateway');
    await page.getByText(id.settings.saved('Payment gateway')).waitFor();
    expect(await page.content()).not.toContain(SERVER_KEY);
    expect(await storedSetting(token, 'payments')).toMatchObject({
      provider: 'midtrans',
      midtrans: { serverKey: { set: true, last4: '4321' }, expiryMinutes: 60 },
    });
    await payments.getByText(id.settings.secretSet('4321')).first().waitFor();

    // a change saved after the question
    const window = await open('Payment window (minutes)');
    await window.getByLabel('Payment window (minutes)').fill('90');
    await save(window, 'Payment window (minutes)');
    await page.getByText(id.settings.saved('Payment window (minutes)')).waitFor();
    expect(await storedSetting(token, 'orderPaymentTtlMinutes')).toBe(90);
    await b.expectCleanPage(tab, 'qutab-settings-editor');

    // the audit log: the change just made, newest first, with its before and after
    await navTo(page, id.consoleNav.audit);
    const log = page.getByRole('table', { name: id.audit.title });
    await log.getByText('console.updateSetting').first().waitFor();
    await b.expectCleanPage(tab, 'qutab-audit-log');
    await page.getByLabel(id.audit.action).fill('console.updateSetting');
    await log
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: new RegExp(id.common.details) })
      .click();
    const drawer = page.getByRole('dialog', { name: 'console.updateSetting' });
    const changes = drawer.getByRole('table', { name: id.audit.changes });
    const ttl = changes.getByRole('row').filter({ hasText: 'orderPaymentTtlMinutes' });
    await ttl.getByRole('cell', { name: '90', exact: true }).waitFor();
    await drawer.getByText(id.audit.requestId).waitFor();
    await b.expectCleanPage(tab, 'qutab-audit-entry');
    await tab.context.close();
  });

  it('dtehm’s MLM plan: the what-if preview follows the draft', async () => {
    const tab = await b.openTab();
    const { page } = tab;
    await b.signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, en.consoleNav.settings);
    await page.getByRole('button', { name: /^MLM plan/ }).click();
    const plan = page.getByRole('form', { name: 'MLM plan' });
    const preview = page.getByRole('table', { name: en.settings.preview.title });
    await preview.waitFor();
    await plan.getByLabel('Stockist rate (basis points)').fill('1000');
    // the draft's stockist line at 10%, the plan in force still at its own rate
    await preview.getByRole('cell', { name: /\(10%\)/ }).waitFor();
    await b.expectCleanPage(tab, 'dtehm-settings-mlm');
    await tab.context.close();
  });
});
