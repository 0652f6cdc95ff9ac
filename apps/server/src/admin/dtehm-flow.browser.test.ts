import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../../admin/src/i18n/dictionary.ts';
import { type ConsoleUnderTest, navTo, startConsole } from '../testing/console-browser.ts';
import {
  activeMember,
  adminToken,
  paySandbox,
  TEST_ADMIN_PASSWORD,
  uniqueEmail,
} from '../testing/test-app.ts';

// The dtehm console in a browser: under a plan that pays designated stockists only, an administrator
// finds a member by number and designates her; a member's order naming her is then paid and
// confirmed through the API, and her stockist line shows in the console's commissions and in the
// order. Suspension asks for a reason; the sponsor tree opens level by level from the keyboard.

const en = DICTIONARIES.en;
const d = en.dtehm;
const PRICE = 850_000; // the demo's Premium Laptop, UGX
const STOCKIST_LINE = 68_000; // 8 % of it

let cut: ConsoleUnderTest;
let admin: string;
let sponsor: Awaited<ReturnType<typeof activeMember>>;
let buyer: Awaited<ReturnType<typeof activeMember>>;
let stella: Awaited<ReturnType<typeof activeMember>>;
let laptopId: number;

beforeAll(async () => {
  cut = await startConsole();
  const { app } = cut;
  admin = await adminToken(app);
  sponsor = await activeMember(app, { name: 'Grace Namutebi', email: uniqueEmail('grace') });
  buyer = await activeMember(app, { name: 'Brian Buyer', sponsorId: sponsor.memberId });
  stella = await activeMember(app, { name: 'Stella Stockist', email: uniqueEmail('stella') });
  const list = await app.get('/products/list?per_page=100&search=laptop');
  laptopId = list.body.data.products.find((p: { name: string }) => p.name === 'Premium Laptop').id;

  // the plan pays designated stockists only: that is when designating matters
  const settings = await app.get('/admin/console/settings', admin);
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  const mlm = settings.body.data.settings.find((s: { key: string }) => s.key === 'mlm')?.value ?? {};
  const changed = await app.put(
    '/admin/console/settings/mlm',
    { value: { ...mlm, stockistEligibility: 'designated' } },
    admin,
  );
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
}, 120_000);

afterAll(async () => {
  await cut?.close();
});

const orderNaming = (stockistId: string) =>
  cut.app.post('/orders/create', { product_id: laptopId, quantity: 1, stockist_id: stockistId }, buyer.token);

describe('the dtehm console in a browser', () => {
  it('an administrator designates a stockist, who then earns the stockist line on a confirmed order', async () => {
    // not yet a stockist: an order may not name her
    const refused = await orderNaming(stella.memberId);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['stockist_id']);

    const tab = await cut.openTab();
    const { page } = tab;
    // a shilling tenant's console speaks English
    await cut.signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, d.nav.members);
    const members = page.getByRole('table', { name: d.members.title });
    await members.getByRole('row').nth(1).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-members');

    // found by member number (the server searches); opened; designated after the question
    await page.getByLabel(en.common.search).fill(stella.memberId);
    const row = members.getByRole('row').filter({ hasText: stella.memberId });
    await row.waitFor();
    await expect.poll(() => members.getByRole('row').count()).toBe(2);
    await row.getByRole('button', { name: d.member.openMember('Stella Stockist') }).click();
    const drawer = page.getByRole('dialog', { name: 'Stella Stockist' });
    await drawer.getByText(d.member.upline).waitFor();
    await drawer.getByRole('tree').getByText(d.tree.empty).waitFor(); // her first level, read at once
    await cut.expectCleanPage(tab, 'dtehm-member');
    await drawer.getByRole('button', { name: d.member.designate }).click();
    const confirm = page.getByRole('dialog', { name: d.member.designateTitle('Stella Stockist') });
    await confirm.getByRole('button', { name: d.member.designate }).click();
    await page.getByText(d.member.done.designate).waitFor();
    await drawer.getByRole('button', { name: d.member.revoke }).waitFor();
    await row.getByText(d.members.stockist, { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    // the stockist filter runs on the server too
    await page.getByLabel(en.common.search).fill('');
    await page.getByRole('combobox', { name: d.members.stockist }).click();
    await page.getByRole('option', { name: d.members.stockists }).click();
    await row.waitFor();

    // an order naming her, paid and confirmed through the API, pays her the stockist line
    const created = await orderNaming(stella.memberId);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const orderId = created.body.data.order_id as number;
    await paySandbox(cut.app, created.body.data.payment_url);
    const confirmed = await cut.app.post('/orders/confirm-payment', { order_id: orderId }, buyer.token);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

    await navTo(page, d.nav.commissions);
    const commissions = page.getByRole('table', { name: d.commissions.title });
    await commissions.getByRole('row').nth(1).waitFor();
    await page.getByRole('combobox', { name: d.commissions.type }).click();
    await page.getByRole('option', { name: d.commissions.types.stockist! }).click();
    await page.getByLabel(d.orders.memberFilter).fill(stella.memberId);
    const line = commissions.getByRole('row').filter({ hasText: 'Stella Stockist' });
    await line.getByText(/UGX\s68,000/).waitFor();
    await expect.poll(() => commissions.getByRole('row').count()).toBe(2);
    await line.getByText('Stockist', { exact: true }).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-commissions');

    // the order, opened from its line, lists every commission it paid
    await line.getByRole('button', { name: d.orders.open(orderId) }).click();
    const order = page.getByRole('dialog', { name: d.orders.details(orderId) });
    const lines = order.getByRole('table', { name: d.orders.lines });
    const stockistLine = lines.getByRole('row').filter({ hasText: 'Stockist' });
    await stockistLine.getByText('Stella Stockist', { exact: false }).waitFor();
    await stockistLine.getByText(/UGX\s68,000/).waitFor();
    await lines.getByRole('row').filter({ hasText: 'Grace Namutebi' }).waitFor(); // GN1, the sponsor
    await cut.expectCleanPage(tab, 'dtehm-order');
    await page.keyboard.press('Escape');

    await navTo(page, d.nav.orders);
    const orders = page.getByRole('table', { name: d.orders.title });
    await orders
      .getByRole('row')
      .filter({ hasText: `#${orderId}` })
      .waitFor();
    await cut.expectCleanPage(tab, 'dtehm-orders');
    expect(tab.errors).toEqual([]);
    await tab.context.close();

    // what the console showed is what the ledger holds
    const own = await cut.app.get('/user/commissions?commission_type=stockist', stella.token);
    expect(own.body.data.commissions[0]).toMatchObject({
      level: 'Stockist',
      amount: STOCKIST_LINE,
      order_id: String(orderId),
    });
    expect(STOCKIST_LINE).toBe((PRICE * 800) / 10_000);
  });

  it('suspending asks for a reason and shows the member suspended; reactivating lifts it', async () => {
    const tab = await cut.openTab();
    const { page } = tab;
    await cut.signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, d.nav.members);
    await page.getByLabel(en.common.search).fill(buyer.memberId);
    const members = page.getByRole('table', { name: d.members.title });
    const row = members.getByRole('row').filter({ hasText: buyer.memberId });
    await row.getByRole('button', { name: d.member.openMember('Brian Buyer') }).click();
    const drawer = page.getByRole('dialog', { name: 'Brian Buyer' });
    // the sponsor chain names the sponsor, who opens in the same drawer and back
    await drawer.getByRole('button', { name: 'Grace Namutebi' }).waitFor();

    await drawer.getByRole('button', { name: d.member.suspend }).click();
    const asking = page.getByRole('dialog', { name: d.member.suspendTitle('Brian Buyer') });
    await asking.getByRole('button', { name: d.member.suspend }).click();
    await asking.getByText(en.common.required).waitFor();
    await asking.getByLabel(en.common.reason).fill('Chargeback under review');
    await asking.getByRole('button', { name: d.member.suspend }).click();
    await page.getByText(d.member.done.suspend).waitFor();
    await drawer.getByText('Chargeback under review').waitFor();
    await row.getByText(d.members.standing.suspended!).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-member-suspended', { screenshot: false });
    // a suspended member cannot sign in
    const login = await cut.app.post('/users/login', { email: buyer.user.email, password: 'password123' });
    expect(login.status).toBe(403);

    await drawer.getByRole('button', { name: d.member.reactivate }).click();
    await page
      .getByRole('dialog', { name: d.member.reactivateTitle('Brian Buyer') })
      .getByRole('button', { name: d.member.reactivate })
      .click();
    await page.getByText(d.member.done.reactivate).waitFor();
    await row.getByText(d.members.standing.active!).waitFor();
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });

  it('the sponsor tree opens level by level from the keyboard, and jumps to a member', async () => {
    const tab = await cut.openTab();
    const { page } = tab;
    await cut.signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, d.nav.network);
    // from the network's first member: its direct referrals are read at once
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { level: 1, expanded: true }).waitFor();
    await tree.getByRole('treeitem', { name: new RegExp(`Grace Namutebi ${sponsor.memberId}`) }).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-network');

    // jump to Grace: the tree is hers now; her level opens with the arrow key
    await page.getByRole('combobox', { name: d.tree.jumpTo }).fill(sponsor.memberId);
    await page.getByRole('option', { name: new RegExp(sponsor.memberId) }).click();
    const graceTree = page.getByRole('tree', { name: d.tree.label('Grace Namutebi') });
    const grace = graceTree.getByRole('treeitem', { level: 1 });
    await grace.waitFor();
    const brian = graceTree.getByRole('treeitem', { name: /Brian Buyer/ });
    await brian.waitFor();
    await grace.focus();
    await page.keyboard.press('ArrowLeft'); // closes her branch
    await brian.waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowRight'); // opens it again
    await page.keyboard.press('ArrowRight'); // to her first referral
    await expect.poll(() => brian.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await brian.getAttribute('aria-level')).toBe('2');
    expect(await brian.getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('Enter'); // opens Brian
    await page.getByRole('dialog', { name: 'Brian Buyer' }).getByText(d.member.upline).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-network-member', { screenshot: false });
    await tab.context.close();
  });

  it('the catalog’s categories: one holding products is refused with the API’s reason, an empty one deleted', async () => {
    const created = await cut.app.post('/admin/categories', { name: 'Seasonal Offers' }, admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tab = await cut.openTab();
    const { page } = tab;
    await cut.signIn(tab, 'dtehm', 'admin@dtehm.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, en.nav.catalog);
    await page.getByRole('button', { name: d.categories.manage, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: d.categories.title });
    const table = drawer.getByRole('table', { name: d.categories.title });
    await table.getByRole('row').filter({ hasText: 'Seasonal Offers' }).waitFor();
    await cut.expectCleanPage(tab, 'dtehm-categories');

    // a category with products: asked, refused, the API's reason shown, the dialog kept
    await drawer.getByLabel(en.common.search).fill('electronics');
    await table.getByRole('row').filter({ hasText: 'Seasonal Offers' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: d.categories.deleteLabel('Electronics') }).click();
    const refusing = page.getByRole('dialog', { name: d.categories.deleteTitle('Electronics') });
    await refusing.getByRole('button', { name: d.categories.delete }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /still has \d+ products?/ })
      .first()
      .waitFor();
    // the refused call (409 over tRPC) is the one error the page logged
    expect(tab.errors).toEqual([expect.stringMatching(/status of 409/)]);
    tab.errors.length = 0;
    await refusing.getByRole('button', { name: en.common.cancel }).click();

    await drawer.getByLabel(en.common.search).fill('seasonal');
    await table.getByRole('button', { name: d.categories.deleteLabel('Seasonal Offers') }).click();
    await page
      .getByRole('dialog', { name: d.categories.deleteTitle('Seasonal Offers') })
      .getByRole('button', { name: d.categories.delete })
      .click();
    await page.getByText(d.categories.deleted).waitFor();
    await table.getByText(en.common.noRows).waitFor();
    const left = (await cut.app.get('/products/categories')).body.data as { name: string }[];
    expect(left.map((c) => c.name)).not.toContain('Seasonal Offers');
    expect(left.map((c) => c.name)).toContain('Electronics');
    await tab.context.close();
  });
});
