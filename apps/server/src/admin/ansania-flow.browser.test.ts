import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutFixtures } from '../ansania/checkout-fixtures.ts';
import { type ConsoleUnderTest, LABELS, navTo, startConsole, type Tab } from '../testing/console-browser.ts';
import { paySandbox, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// The ansania console in Debian's chromium against the real server on a fresh database: an
// administrator creates a voucher, a customer (through the shop's API) uses it at checkout, and
// the voucher's usage in the console shows the order and its discount; the order is then moved
// along, shipped with a tracking number (then corrected) and refunded from the orders page; a
// voucher-code affiliate is added and edited; a product and its variant are made, its stock counted
// in and out (more than there is refused), its price changed and it is hidden. Every page logs no
// error, loads nothing from another origin and passes axe-core (no serious or critical violation).
// With KOMISI_ADMIN_SCREENSHOTS=<dir> the main pages are saved there as PNGs.

// a rupiah tenant's console speaks Indonesian
const id = LABELS.id;

let cut: ConsoleUnderTest;
let app: TestApp;

beforeAll(async () => {
  cut = await startConsole();
  ({ app } = cut);
});

afterAll(async () => {
  await cut?.close();
});

const openTab = () => cut.openTab();
const expectCleanPage = (tab: Tab, name: string, options?: { screenshot?: boolean }) =>
  cut.expectCleanPage(tab, name, options);
const signIn = (tab: Tab, tenant: string, email: string, password: string) =>
  cut.signIn(tab, tenant, email, password);

/** Waits until `count` dialogs are open (a closing one fades out first, its title already gone). */
async function dialogsSettle(page: Page, count = 0) {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(count);
}

describe('the ansania console in a browser', () => {
  it('a voucher made in the console is used at checkout; its usage shows the order, which is then shipped and refunded', async () => {
    const fx = checkoutFixtures(app);
    const code = `KONSOL${Date.now() % 100_000}`;
    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'ansania', 'admin@ansania.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.ansania.vouchers.nav);
    const vouchers = page.getByRole('table', { name: id.ansania.vouchers.title });
    await vouchers.getByRole('row').nth(1).waitFor();
    await expectCleanPage(tab, 'ansania-vouchers');

    // the form: the API's field refusal lands on its field; then a valid voucher is saved
    await page.getByRole('button', { name: id.ansania.vouchers.newVoucher }).click();
    const form = page.getByRole('dialog', { name: id.ansania.vouchers.newVoucher });
    await form.getByLabel(id.ansania.vouchers.code).fill(`${code}!`);
    await form.getByLabel(id.ansania.vouchers.name).fill('Pekan konsol');
    await form.getByLabel(id.ansania.vouchers.percentValue).fill('10');
    await expectCleanPage(tab, 'ansania-voucher-form');
    await form.getByRole('button', { name: id.common.save }).click();
    await form.getByRole('alert').filter({ hasText: id.common.error }).waitFor();
    await expect
      .poll(() => form.getByLabel(id.ansania.vouchers.code).getAttribute('aria-invalid'))
      .toBe('true');
    expect(tab.errors).toEqual([expect.stringMatching(/status of 400/)]);
    tab.errors.length = 0;
    await form.getByLabel(id.ansania.vouchers.code).fill(code.toLowerCase());
    await form.getByLabel(id.ansania.vouchers.maxDiscount).fill('150000');
    await form.getByLabel(id.ansania.vouchers.usageLimit).fill('50');
    await form.getByRole('button', { name: id.common.save }).click();
    await page.getByText(id.ansania.vouchers.saved).waitFor();
    await page.getByLabel(id.common.search).fill(code);
    const row = vouchers.getByRole('row').filter({ hasText: code });
    await row.getByText(id.ansania.vouchers.states.active!, { exact: true }).waitFor();
    await row.getByText('0 / 50').waitFor();

    // a customer uses it at checkout through the shop's API; the order carries the discount
    const variant = await fx.variant({ price: 1_000_000, stock: 20 });
    const customer = await fx.shopper(variant.id, 1);
    const applied = await fx.call('POST', '/cart/apply-voucher', customer.token, { code });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const placed = await fx.createOrder(customer.token, customer.addressId);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    await paySandbox(app, placed.body.data.payment.payment_url);
    const orderNumber = placed.body.data.order.order_number as string;
    const detail = await fx.call('GET', `/orders/${orderNumber}`, customer.token);
    expect(detail.body.data.order.summary).toMatchObject({ discount: 100_000, voucher_code: code });

    // the console's usage of the voucher shows that order and its discount
    await page.reload();
    await page.getByLabel(id.common.search).fill(code);
    await row.getByText('1 / 50').waitFor();
    await row.getByRole('button', { name: `${id.ansania.vouchers.usage}: ${code}` }).click();
    const usage = page.getByRole('dialog', { name: id.ansania.vouchers.usageTitle(code) });
    await usage.getByText(orderNumber).waitFor();
    await usage.getByText(customer.email).waitFor();
    await usage
      .getByText(/Rp\s100\.000/)
      .first()
      .waitFor();
    await expectCleanPage(tab, 'ansania-voucher-usage');
    await page.keyboard.press('Escape');
    await usage.waitFor({ state: 'hidden' });

    // once used, its terms are fixed: the API's 409 is shown in the form
    await row.getByRole('button', { name: `${id.ansania.vouchers.edit}: ${code}` }).click();
    const editing = page.getByRole('dialog', { name: id.ansania.vouchers.editVoucher(code) });
    await editing.getByText(id.ansania.vouchers.fixedTerms).waitFor();
    await editing.getByLabel(id.ansania.vouchers.percentValue).fill('20');
    await editing.getByRole('button', { name: id.common.save }).click();
    await editing.getByRole('alert').filter({ hasText: id.common.error }).waitFor();
    await expect
      .poll(() => editing.getByLabel(id.ansania.vouchers.percentValue).getAttribute('aria-invalid'))
      .toBe('true');
    expect(tab.errors).toEqual([expect.stringMatching(/status of 409/)]);
    tab.errors.length = 0;
    // a change of its limits is accepted
    await editing.getByLabel(id.ansania.vouchers.percentValue).fill('10');
    await editing.getByLabel(id.ansania.vouchers.usageLimit).fill('60');
    await editing.getByRole('button', { name: id.common.save }).click();
    await page.getByText(id.ansania.vouchers.saved).first().waitFor();
    await row.getByText('1 / 60').waitFor();

    // switched off after the question, then on again
    await row.getByRole('button', { name: `${id.ansania.vouchers.deactivate}: ${code}` }).click();
    await page
      .getByRole('dialog', { name: id.ansania.vouchers.deactivateTitle(code) })
      .getByRole('button', { name: id.ansania.vouchers.deactivate })
      .click();
    await row.getByText(id.ansania.vouchers.states.inactive!, { exact: true }).waitFor();
    const refused = await fx.call('POST', '/cart/apply-voucher', (await fx.shopper(variant.id, 1)).token, {
      code,
    });
    expect(refused.status).toBe(400);
    await row.getByRole('button', { name: `${id.ansania.vouchers.reactivate}: ${code}` }).click();
    await page
      .getByRole('dialog', { name: id.ansania.vouchers.reactivateTitle(code) })
      .getByRole('button', { name: id.ansania.vouchers.reactivate })
      .click();
    await row.getByText(id.ansania.vouchers.states.active!, { exact: true }).waitFor();

    // the orders page: the paid order moves to processing, ships with a tracking number, is refunded
    await navTo(page, id.nav.orders);
    const orders = page.getByRole('table', { name: id.orders.title });
    const order = orders.getByRole('row').filter({ hasText: orderNumber });
    await order.getByText(id.orders.statuses.paid!).waitFor();
    await expectCleanPage(tab, 'ansania-orders-paid');
    const move = async (to: string, tracking?: string) => {
      await order.getByRole('button', { name: `${id.orders.move} ${id.orders.statuses[to]}` }).click();
      const dialog = page.getByRole('dialog', {
        name: id.orders.moveTitle(orderNumber, id.orders.statuses[to]!),
      });
      if (tracking) await dialog.getByLabel(id.orders.tracking).fill(tracking);
      await dialog.getByRole('button', { name: id.common.confirm }).click();
      await order.getByText(id.orders.statuses[to]!, { exact: true }).waitFor();
    };
    await move('processing');
    await move('shipped', 'JNT0012345678');
    await order.getByText('JNT0012345678').waitFor();
    // a mistyped number is corrected; the order stays shipped
    await order.getByRole('button', { name: id.ansania.orderTracking.correct }).click();
    const correcting = page.getByRole('dialog', { name: id.ansania.orderTracking.title(orderNumber) });
    await correcting.getByLabel(id.orders.tracking).fill('JNT0012345679');
    await correcting.getByRole('button', { name: id.common.save }).click();
    await order.getByText('JNT0012345679').waitFor();
    await order.getByText(id.orders.statuses.shipped!, { exact: true }).waitFor();
    await dialogsSettle(page);
    await order.getByRole('button', { name: id.orders.refund }).click();
    const refund = page.getByRole('dialog', { name: id.orders.refundTitle(orderNumber) });
    await refund.getByLabel(id.common.reason).fill('Barang rusak saat pengiriman');
    await refund.getByRole('button', { name: id.orders.refund }).click();
    await order.getByText(id.orders.statuses.refunded!, { exact: true }).waitFor();
    await refund.waitFor({ state: 'hidden' });
    await dialogsSettle(page);
    await expectCleanPage(tab, 'ansania-orders-refunded', { screenshot: false });

    // the refund gave the voucher's use back: the console's usage says so
    await navTo(page, id.ansania.vouchers.nav);
    await page.getByLabel(id.common.search).fill(code);
    await row.getByText('0 / 60').waitFor();
    await tab.context.close();
  });
  it('an administrator adds a voucher-code affiliate, finds it and changes its commission', async () => {
    const stamp = Date.now() % 100_000;
    const code = `SITI${stamp}`;
    const labels = id.ansania.voucherAffiliates;
    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'ansania', 'admin@ansania.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, labels.nav);
    const table = page.getByRole('table', { name: labels.title });
    await table.getByText('DARMAWAN10').waitFor();
    await expectCleanPage(tab, 'ansania-voucher-affiliates');

    await page.getByRole('button', { name: labels.newAffiliate }).click();
    const dialog = page.getByRole('dialog', { name: labels.newAffiliate });
    await dialog.getByLabel(labels.name).fill('Siti Rahma');
    await dialog.getByLabel(labels.email).fill(`siti.${stamp}@example.com`);
    await dialog.getByLabel(labels.password).fill('SitiRahma123!');
    await dialog.getByLabel(labels.code).fill(code);
    await dialog.getByLabel(labels.discount).fill('7.5');
    await dialog.getByLabel(labels.commission).fill('4');
    await dialog.getByRole('button', { name: id.common.save }).click();
    await page.getByText(labels.saved).waitFor();

    await page.getByLabel(id.common.search).fill(code.toLowerCase());
    const row = table.getByRole('row').filter({ hasText: code });
    await row.getByText('7.5%').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await row.getByRole('button', { name: `${labels.edit}: Siti Rahma` }).click();
    const editing = page.getByRole('dialog', { name: labels.editAffiliate('Siti Rahma') });
    await editing.getByLabel(labels.commission).fill('6');
    await editing.getByRole('button', { name: id.common.save }).click();
    await row.getByText('6%', { exact: true }).waitFor();

    // the affiliate's code is a voucher of the shop: the vouchers page marks it so
    await navTo(page, id.ansania.vouchers.nav);
    await page.getByLabel(id.common.search).fill(code);
    await page
      .getByRole('table', { name: id.ansania.vouchers.title })
      .getByRole('row')
      .filter({ hasText: code })
      .getByText(id.ansania.vouchers.affiliate, { exact: false })
      .waitFor();
    await expectCleanPage(tab, 'ansania-vouchers-affiliate', { screenshot: false });
    await tab.context.close();
  });
  it('an administrator adds a product and its variant, counts stock in, is refused taking out more than there is, changes a price, hides the variant and renames the product', async () => {
    const fx = checkoutFixtures(app);
    const stamp = Date.now() % 100_000;
    const name = `Kursi Rotan ${stamp}`;
    const variant = { sku: `ROTAN-${stamp}` };
    const labels = id.ansania.shopCatalog;
    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'ansania', 'admin@ansania.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, labels.nav);
    const table = page.getByRole('table', { name: labels.title });
    await table.getByRole('row').nth(1).waitFor();
    await expectCleanPage(tab, 'ansania-products');

    // a new product: its slug follows the name
    await page.getByRole('button', { name: labels.newProduct }).click();
    const creating = page.getByRole('dialog', { name: labels.newProduct });
    await creating.getByLabel(labels.name).fill(name);
    await expect.poll(() => creating.getByLabel(labels.slug).inputValue()).toBe(`kursi-rotan-${stamp}`);
    await creating.getByLabel(labels.basePrice('IDR')).fill('1500000');
    await creating.getByRole('button', { name: id.common.save }).click();
    await page.getByText(labels.productSaved).waitFor();
    await page.getByLabel(id.common.search).fill(name);
    const row = table.getByRole('row').filter({ hasText: name });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);

    // its first variant, with the stock on hand
    await row.getByRole('button', { name: `${labels.open}: ${name}` }).click();
    const drawer = page.getByRole('dialog', { name: labels.variantsTitle(name) });
    await drawer.getByText(labels.none).waitFor();
    await drawer.getByRole('button', { name: labels.addVariant }).click();
    const adding = page.getByRole('dialog', { name: labels.addVariant });
    await adding.getByLabel(labels.sku).fill(variant.sku);
    await adding.getByLabel(labels.color).fill('Natural');
    await adding.getByLabel(labels.variantPrice('IDR')).fill('1450000');
    await adding.getByLabel(labels.openingStock).fill('5');
    await adding.getByRole('button', { name: id.common.save }).click();
    await page.getByText(labels.variantAdded).waitFor();
    const line = drawer.getByRole('row').filter({ hasText: variant.sku });
    await line.getByRole('cell', { name: '5', exact: true }).waitFor();
    await dialogsSettle(page, 1);
    await expectCleanPage(tab, 'ansania-product-variants');
    const [created] = await fx.sql<{ id: number }>('select id from product_variant where sku = ?', [
      variant.sku,
    ]);
    const variantId = created!.id;

    const adjust = async (change: string, reason: string) => {
      await line.getByRole('button', { name: `${labels.adjust}: ${variant.sku}` }).click();
      const dialog = page.getByRole('dialog', { name: labels.adjustTitle(variant.sku) });
      await dialog.getByLabel(labels.change).fill(change);
      await dialog.getByLabel(labels.reason).fill(reason);
      await dialog.getByRole('button', { name: labels.adjust }).click();
      return dialog;
    };
    await (await adjust('7', 'Kiriman dari bengkel')).waitFor({ state: 'hidden' });
    await line.getByRole('cell', { name: '12', exact: true }).waitFor();
    // more out than there is: the API's refusal is shown, the dialog stays, nothing changes
    const refused = await adjust('-20', 'Stok opname');
    await page
      .getByRole('alert')
      .filter({ hasText: /below zero/ })
      .first()
      .waitFor();
    expect(tab.errors).toEqual([expect.stringMatching(/status of 400/)]);
    tab.errors.length = 0;
    await refused.getByRole('button', { name: id.common.cancel }).click();
    await line.getByRole('cell', { name: '12', exact: true }).waitFor();
    expect(await fx.stockOf(variantId)).toBe(12);

    await line.getByRole('button', { name: `${labels.editPrice}: ${variant.sku}` }).click();
    const pricing = page.getByRole('dialog', { name: labels.priceTitle(variant.sku) });
    await pricing.getByLabel(labels.newPrice('IDR')).fill('1.850.000');
    await pricing.getByRole('button', { name: id.common.save }).click();
    await line.getByText(/Rp\s1\.850\.000/).waitFor();

    await line.getByRole('button', { name: `${labels.hide}: ${variant.sku}` }).click();
    await page
      .getByRole('dialog', { name: labels.hideTitle(variant.sku) })
      .getByRole('button', { name: labels.hide })
      .click();
    await line.getByText(labels.hidden, { exact: true }).waitFor();
    await dialogsSettle(page, 1);
    const [saved] = await fx.sql<{ price: string; is_visible: boolean; stock: number }>(
      'select price::text, is_visible, stock from product_variant where id = ?',
      [variantId],
    );
    expect(saved).toEqual({ price: '1850000', is_visible: false, stock: 12 });
    await expectCleanPage(tab, 'ansania-product-variants-edited', { screenshot: false });

    // the product's own name, edited from the list
    await page.keyboard.press('Escape');
    await dialogsSettle(page);
    await row.getByRole('button', { name: `${labels.edit}: ${name}` }).click();
    const renaming = page.getByRole('dialog', { name: labels.editProduct(name) });
    await renaming.getByLabel(labels.name).fill(`${name} Jati`);
    await renaming.getByRole('button', { name: id.common.save }).click();
    await table.getByText(`${name} Jati`).waitFor();
    await expect.poll(() => renaming.count()).toBe(0);
    await tab.context.close();
  });
});
