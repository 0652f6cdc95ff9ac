import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleUnderTest, LABELS, navTo, startConsole, type Tab } from '../testing/console-browser.ts';
import { TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// The admin console, built (`pnpm build`), in Debian's chromium against the real server on a fresh
// database with the demo tenants: administrators sign in and open their screens, a member cannot,
// and every page logs no error, loads nothing from another origin and passes axe-core's checks
// (no serious or critical violation). With KOMISI_ADMIN_SCREENSHOTS=<dir> (`pnpm --filter
// @komisi/admin screenshots` sets docs/admin), each main page is also saved there as a PNG.

const PLATFORM_EMAIL = 'platform@komisi.local';
const PLATFORM_PASSWORD = 'platform-password-123';
const id = LABELS.id;
const en = LABELS.en;

let cut: ConsoleUnderTest;
let app: TestApp;
let origin: string;

beforeAll(async () => {
  cut = await startConsole({
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM_EMAIL, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM_PASSWORD },
  });
  ({ app, origin } = cut);
});

afterAll(async () => {
  await cut?.close();
});

const openTab = () => cut.openTab();
const expectCleanPage = (tab: Tab, name: string, options?: { screenshot?: boolean }) =>
  cut.expectCleanPage(tab, name, options);
const signIn = (tab: Tab, tenant: string, email: string, password: string) =>
  cut.signIn(tab, tenant, email, password);

describe('the admin console in a browser', () => {
  it('the sign-in page', async () => {
    const tab = await openTab();
    await tab.page.goto(`${origin}/admin/`);
    await tab.page.waitForURL(`${origin}/admin/sign-in`);
    await tab.page.getByRole('heading', { name: en.signIn.title }).waitFor();
    await expectCleanPage(tab, 'sign-in');
    // a slug no tenant has is named as such (the server's 404 is the one error logged)
    await signIn(tab, 'nobody', 'admin@nobody.demo', 'whatever-password');
    await tab.page.getByRole('alert').getByText(en.signIn.unknownTenant('nobody')).waitFor();
    expect(tab.errors).toEqual([expect.stringMatching(/status of 404/)]);
    await tab.context.close();
  });

  it('a sinoman administrator reviews members, activates one, reads the dashboard, exports the report', async () => {
    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'sinoman', 'admin@sinoman.demo', TEST_ADMIN_PASSWORD);
    // a rupiah tenant's console speaks Indonesian unless the reader chose otherwise
    await page.getByRole('heading', { name: id.overview.title('').trim(), exact: false }).waitFor();
    await navTo(page, id.nav.members);
    await page.waitForURL(`${origin}/admin/t/sinoman/members`);
    const members = page.getByRole('table', { name: id.members.title });
    await members.getByText('anggota@sinoman.demo').waitFor();
    await expectCleanPage(tab, 'sinoman-members');

    // search and sort run on the server
    await page.getByLabel(id.common.search).fill('zzzz-nobody');
    await members.getByText(id.common.noRows).waitFor();
    await page.getByLabel(id.common.search).fill('');
    await members.getByText('anggota@sinoman.demo').waitFor();
    await page.getByRole('button', { name: id.common.sortBy(id.members.fullName) }).click();
    await expect.poll(() => members.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    // the review drawer shows the member's documents; a status change is asked before it is made
    const pending = members.getByRole('row').filter({ hasText: 'calon@sinoman.demo' });
    const membership = pending.getByRole('cell').nth(2);
    await membership.getByText(id.members.membershipStatus.pending!).waitFor();
    await pending.getByRole('button', { name: new RegExp(id.members.changeStatus) }).click();
    const drawer = page.getByRole('dialog', { name: 'Budi Santoso' });
    await drawer.getByText(id.members.documents).waitFor();
    await drawer.getByLabel(id.members.newMembership).click();
    await page.getByRole('option', { name: id.members.membershipStatus.active!, exact: true }).click();
    await drawer.getByRole('button', { name: id.members.changeStatus }).click();
    const confirm = page.getByRole('dialog', { name: id.members.confirmChange('Budi Santoso') });
    await confirm.getByLabel(id.common.note).fill('Berkas lengkap');
    await confirm.getByRole('button', { name: id.common.confirm }).click();
    await page.getByText(id.members.updated).waitFor();
    await membership.getByText(id.members.membershipStatus.active!, { exact: true }).waitFor();

    const started = performance.now();
    await navTo(page, id.nav.financial);
    await page.getByRole('heading', { name: id.financial.trends }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    const dashboardMs = Math.round(performance.now() - started);
    console.info(`financial dashboard interactive after ${dashboardMs} ms (chart code loaded lazily)`);
    await expectCleanPage(tab, 'sinoman-financial-dashboard');

    await navTo(page, id.nav.transactions);
    await page.getByRole('table', { name: id.report.title }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: id.report.exportCsv }).click();
    const file = await download;
    expect(file.url().startsWith(`${origin}/t/sinoman/files/`)).toBe(true);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/transaction/i);
    await expectCleanPage(tab, 'sinoman-transactions');

    // every tenant's screens: the figures by day, the job runs, the notification outbox
    await navTo(page, id.nav.dashboard);
    await page.getByRole('heading', { name: id.dashboard.totals }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await expectCleanPage(tab, 'sinoman-dashboard');
    await navTo(page, id.nav.jobs);
    await page.getByRole('table', { name: id.jobs.title }).waitFor();
    await expectCleanPage(tab, 'sinoman-jobs');
    await navTo(page, id.nav.outbox);
    await page.getByRole('table', { name: id.outbox.title }).waitFor();
    await expectCleanPage(tab, 'sinoman-outbox');

    // sign-out ends the session: the console asks to sign in again
    await page.getByRole('button', { name: id.common.signOut }).click();
    await page.waitForURL(`${origin}/admin/sign-in`);
    await page.goto(`${origin}/admin/t/sinoman/members`);
    await page.waitForURL(/\/admin\/sign-in\?tenant=sinoman/);
    await tab.context.close();
  });

  it('a member’s account cannot open the console', async () => {
    const tab = await openTab();
    await signIn(tab, 'sinoman', 'anggota@sinoman.demo', 'Anggota123!');
    await tab.page.getByRole('alert').getByText(en.signIn.notAdministrator).waitFor();
    // the API refused the sign-in (403): the one error the page logged; no token was kept
    expect(tab.errors).toEqual([expect.stringMatching(/status of 403/)]);
    tab.errors.length = 0;
    expect(await tab.page.evaluate(() => JSON.stringify(sessionStorage))).toBe('{}');
    await tab.page.goto(`${origin}/admin/t/sinoman/members`);
    await tab.page.waitForURL(/\/admin\/sign-in\?tenant=sinoman/);
    await expectCleanPage(tab, 'not-an-administrator');
    await tab.context.close();
  });

  it('a qutab administrator decides applications (the API’s refusal shown), opens payouts, edits the FAQ', async () => {
    const applicants = ['rina', 'sari'].map((name) => ({
      first_name: name === 'rina' ? 'Rina' : 'Sari',
      last_name: 'Wulandari',
      email: `${name}.${Date.now()}@example.com`,
      password: 'Rahasia123!',
      whatsapp: '0812 7777 6666',
      city: 'Surabaya',
      primary_platform: 'instagram',
      reason: 'Saya ingin mengajak teman-teman berqurban lewat Instagram.',
    }));
    for (const body of applicants) {
      const res = await app.request('POST', '/t/qutab/api/affiliate/auth/register', { body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'qutab', 'admin@qutab.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.nav.affiliates);
    const table = page.getByRole('table', { name: id.affiliates.title });
    const row = (email: string) => table.getByRole('row').filter({ hasText: email });
    await row(applicants[0]!.email).waitFor();
    await expectCleanPage(tab, 'qutab-affiliates');

    // approve with a rate of its own: asked first, then done, then gone from the pending list
    await row(applicants[0]!.email).getByRole('button', { name: id.affiliates.approve }).click();
    const approving = page.getByRole('dialog', { name: id.affiliates.approveTitle('Rina Wulandari') });
    await approving.getByLabel(id.affiliates.rateLabel).fill('12.5');
    await approving.getByRole('button', { name: id.affiliates.approve }).click();
    await page.getByText(id.affiliates.approved).waitFor();
    await row(applicants[0]!.email).waitFor({ state: 'detached' });

    // reject: a reason is required before anything is sent; the API's refusal is shown as it says it
    await row(applicants[1]!.email).getByRole('button', { name: id.affiliates.reject }).click();
    const rejecting = page.getByRole('dialog', { name: id.affiliates.rejectTitle('Sari Wulandari') });
    await rejecting.getByRole('button', { name: id.affiliates.reject }).click();
    await rejecting.getByText(id.common.required).waitFor();
    await rejecting.getByLabel(id.common.reason).fill('x'.repeat(501));
    await rejecting.getByRole('button', { name: id.affiliates.reject }).click();
    await page.getByRole('alert').filter({ hasText: 'reason' }).first().waitFor();
    await rejecting.getByLabel(id.common.reason).fill('Akun Instagram tidak ditemukan.');
    await rejecting.getByRole('button', { name: id.affiliates.reject }).click();
    await page.getByText(id.affiliates.rejected).waitFor();
    await row(applicants[1]!.email).waitFor({ state: 'detached' });
    // the one refused call is the only error the page logged (the browser reports its status)
    expect(tab.errors).toEqual([expect.stringMatching(/status of 4\d\d/)]);
    tab.errors.length = 0;

    const login = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD },
    });
    const decided = await app.request('GET', '/t/qutab/api/admin/affiliates?limit=100', {
      token: login.body.data.access_token,
    });
    const byEmail = new Map(
      (
        decided.body.data.affiliates as {
          email: string;
          status: string;
          commission_rate_bps: number | null;
        }[]
      ).map((a) => [a.email, a]),
    );
    expect(byEmail.get(applicants[0]!.email)).toMatchObject({
      status: 'approved',
      commission_rate_bps: 1250,
    });
    expect(byEmail.get(applicants[1]!.email)).toMatchObject({ status: 'rejected' });

    for (const [link, name, title] of [
      [id.nav.bankAccounts, 'qutab-bank-accounts', id.bankAccounts.title],
      [id.nav.payouts, 'qutab-payouts', id.payouts.title],
    ] as const) {
      await navTo(page, link);
      await page.getByRole('table', { name: title }).waitFor();
      await expectCleanPage(tab, name);
    }

    // materials and FAQ: a new entry, hidden, then deleted after the question
    await navTo(page, id.nav.materials);
    const materials = page.getByRole('table', { name: id.materials.title });
    await materials.getByRole('row').nth(1).waitFor();
    await expectCleanPage(tab, 'qutab-materials');
    await page.getByRole('button', { name: id.materials.newFaq }).click();
    const faq = page.getByRole('dialog', { name: id.materials.newFaq });
    await faq.getByLabel(id.materials.question).fill('Kapan hewan qurban disembelih?');
    await faq.getByLabel(id.materials.answer).fill('Pada hari raya Idul Adha dan hari tasyrik.');
    await faq.getByRole('button', { name: id.common.save }).click();
    const entry = materials.getByRole('row').filter({ hasText: 'Kapan hewan qurban disembelih?' });
    const shown = entry.getByRole('switch', {
      name: `${id.materials.shown}: Kapan hewan qurban disembelih?`,
    });
    await expect.poll(() => shown.isChecked()).toBe(true);
    await shown.click({ force: true });
    await expect.poll(() => shown.isChecked()).toBe(false);
    await entry
      .getByRole('button', { name: `${id.materials.delete}: Kapan hewan qurban disembelih?` })
      .click();
    await page
      .getByRole('dialog', { name: id.materials.deleteTitle('Kapan hewan qurban disembelih?') })
      .getByRole('button', { name: id.materials.delete })
      .click();
    await entry.waitFor({ state: 'detached' });
    await tab.context.close();
  });

  it('an ansania administrator opens the orders', async () => {
    const tab = await openTab();
    await signIn(tab, 'ansania', 'admin@ansania.demo', TEST_ADMIN_PASSWORD);
    await navTo(tab.page, id.nav.orders);
    await tab.page.getByRole('table', { name: id.orders.title }).waitFor();
    await expectCleanPage(tab, 'ansania-orders');
    await tab.context.close();
  });

  it('a dtehm administrator adds a product to the catalog and changes its price', async () => {
    const tab = await openTab();
    const { page } = tab;
    // a shilling tenant's console speaks English
    await signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, en.nav.catalog);
    const table = page.getByRole('table', { name: en.catalog.title });
    await table.getByRole('row').nth(1).waitFor();
    await expectCleanPage(tab, 'dtehm-catalog');

    await page.getByRole('button', { name: en.catalog.newProduct }).click();
    const dialog = page.getByRole('dialog', { name: en.catalog.newProduct });
    await dialog.getByLabel(en.catalog.product).fill('Shea Butter Balm');
    await dialog.getByLabel(`${en.catalog.price} (UGX)`).fill('25000');
    await dialog.getByLabel(en.catalog.stock).fill('40');
    await dialog.getByRole('button', { name: en.common.save }).click();
    await page.getByText(en.catalog.saved).waitFor();
    await cut.expectReadableNotifications(tab, 'dtehm-catalog-saved');
    await page.getByLabel(en.common.search).fill('Shea Butter');
    const row = table.getByRole('row').filter({ hasText: 'Shea Butter Balm' });
    await row.getByText(/UGX\s25,000/).waitFor();

    await row.getByRole('button', { name: `${en.catalog.edit}: Shea Butter Balm` }).click();
    const editing = page.getByRole('dialog', { name: en.catalog.editProduct });
    await editing.getByLabel(`${en.catalog.price} (UGX)`).fill('30000');
    await editing.getByRole('button', { name: en.common.save }).click();
    await row.getByText(/UGX\s30,000/).waitFor();
    await expectCleanPage(tab, 'dtehm-catalog-edited', { screenshot: false });
    await tab.context.close();
  });

  it('a platform administrator sees every tenant and one tenant’s settings', async () => {
    const tab = await openTab();
    const { page } = tab;
    await page.goto(`${origin}/admin/platform/sign-in`);
    await page.getByLabel(en.signIn.email).fill(PLATFORM_EMAIL);
    await page.locator('input[type="password"]').fill(PLATFORM_PASSWORD);
    await page.getByRole('button', { name: en.signIn.submit }).click();
    const tenants = page.getByRole('table', { name: en.platform.tenants });
    for (const slug of ['ansania', 'dtehm', 'qutab', 'sinoman'])
      await tenants.getByRole('link', { name: slug }).waitFor();
    await expectCleanPage(tab, 'platform-tenants');
    await tenants.getByRole('link', { name: 'qutab' }).click();
    await page.getByRole('heading', { name: en.platform.settings }).waitFor();
    await expectCleanPage(tab, 'platform-tenant');
    await tab.context.close();
  });
});
