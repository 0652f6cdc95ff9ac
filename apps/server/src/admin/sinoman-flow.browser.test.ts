import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fund, newMember, sinomanAdminToken } from '../sinoman/savings-fixtures.ts';
import { type ConsoleUnderTest, LABELS, navTo, startConsole, type Tab } from '../testing/console-browser.ts';
import { imageBlob, sinomanClient } from '../testing/sinoman-client.ts';
import { TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// The sinoman console in Debian's chromium against the real server on a fresh database: a member
// (through the API) asks for a withdrawal, the administrator completes it in the console with the
// transfer reference (the member's balance and transaction show it through the API) and downloads
// the CSV transaction report, which lists it; a withdrawal decided elsewhere meanwhile gets the
// API's refusal, shown as it says it; a pending member's KYC document is shown inline in the review
// drawer and approved there; a Fit Challenge batch is created as a draft and opened. Every page logs no error, loads nothing from another origin
// and passes axe-core (no serious or critical violation). With KOMISI_ADMIN_SCREENSHOTS=<dir> the
// main pages are saved there as PNGs.

// a rupiah tenant's console speaks Indonesian
const id = LABELS.id;

let cut: ConsoleUnderTest;
let app: TestApp;
let origin: string;

beforeAll(async () => {
  cut = await startConsole();
  ({ app, origin } = cut);
});

afterAll(async () => {
  await cut?.close();
});

const openTab = () => cut.openTab();
const expectCleanPage = (tab: Tab, name: string) => cut.expectCleanPage(tab, name);
const signIn = (tab: Tab, tenant: string, email: string, password: string) =>
  cut.signIn(tab, tenant, email, password);

describe('the sinoman console in a browser', () => {
  it('a withdrawal a member asked for is completed in the console and is in the CSV report', async () => {
    const sinoman = sinomanClient(app);
    // the member asks through the API: the amount is held out of the balance at once
    const member = await newMember(app, 'Dewi Lestari');
    await fund(app, member, 750_000);
    const asked = await sinoman.post(
      '/savings/withdrawals',
      {
        savings_account_id: member.accounts.SS,
        amount: 125_000,
        description: 'Biaya sekolah',
        bank_account: { bank_name: 'Bank BRI', account_number: '0987654321', account_name: 'Dewi Lestari' },
      },
      member.token,
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const withdrawal = asked.body.data.transaction as { id: string; transaction_number: string };
    const balance = async () => {
      const res = await sinoman.get('/savings/accounts', member.token);
      expect(res.status).toBe(200);
      return res.body.data.accounts.find((a: { id: string }) => a.id === member.accounts.SS).balance;
    };
    expect(await balance()).toBe(625_000);
    // a second one, which another administrator will reject while this console still lists it
    const second = await sinoman.post(
      '/savings/withdrawals',
      {
        savings_account_id: member.accounts.SS,
        amount: 50_000,
        bank_account: { bank_name: 'Bank BRI', account_number: '0987654321', account_name: 'Dewi Lestari' },
      },
      member.token,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const stale = second.body.data.transaction as { id: string; transaction_number: string };

    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'sinoman', 'admin@sinoman.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.sinoman.nav.withdrawals);
    await page.waitForURL(`${origin}/admin/t/sinoman/withdrawals`);
    const table = page.getByRole('table', { name: id.sinoman.withdrawals.title });
    await page.getByLabel(id.common.search).fill(member.memberNumber);
    const row = table.getByRole('row').filter({ hasText: withdrawal.transaction_number });
    await row.getByText('Bank BRI 0987654321').waitFor();
    await table.getByRole('row').filter({ hasText: stale.transaction_number }).waitFor();
    await expectCleanPage(tab, 'sinoman-withdrawals');

    // decided elsewhere meanwhile: the console's rejection gets the API's refusal, shown as it says it
    const elsewhere = await sinoman.put(
      `/admin/savings/withdrawals/${stale.id}`,
      { status: 'rejected', notes: 'Rekening ditutup' },
      await sinomanAdminToken(app),
    );
    expect(elsewhere.status).toBe(200);
    const staleRow = table.getByRole('row').filter({ hasText: stale.transaction_number });
    await staleRow
      .getByRole('button', { name: `${id.sinoman.withdrawals.reject}: ${stale.transaction_number}` })
      .click();
    const rejecting = page.getByRole('dialog', {
      name: id.sinoman.withdrawals.rejectTitle(stale.transaction_number),
    });
    await rejecting.getByLabel(id.common.reason).fill('Data rekening salah');
    await rejecting.getByRole('button', { name: id.sinoman.withdrawals.reject }).click();
    await page.getByRole('alert').filter({ hasText: 'This withdrawal is already cancelled' }).waitFor();
    await rejecting.getByRole('button', { name: id.common.cancel }).click();
    // the one refused call is the only error the page logged (the browser reports its status)
    expect(tab.errors).toEqual([expect.stringMatching(/status of 409/)]);
    tab.errors.length = 0;
    expect(await balance()).toBe(625_000);

    // completing asks first, with the transfer reference
    await row
      .getByRole('button', { name: `${id.sinoman.withdrawals.complete}: ${withdrawal.transaction_number}` })
      .click();
    const confirm = page.getByRole('dialog', {
      name: id.sinoman.withdrawals.completeTitle(withdrawal.transaction_number),
    });
    await confirm.getByRole('button', { name: id.sinoman.withdrawals.complete }).click();
    await confirm.getByText(id.common.required).waitFor();
    await confirm.getByLabel(id.sinoman.withdrawals.reference).fill('BRI-20260101-77');
    await expectCleanPage(tab, 'sinoman-withdrawal-complete');
    await confirm.getByRole('button', { name: id.sinoman.withdrawals.complete }).click();
    await page.getByText(id.sinoman.withdrawals.completed).waitFor();
    await row.getByText(id.report.statuses.completed!, { exact: true }).waitFor();
    await row.getByText('BRI-20260101-77').waitFor();

    // the member sees it through the API: paid out, the balance what the request left
    const detail = await sinoman.get(`/savings/transactions/${withdrawal.id}`, member.token);
    expect(detail.body.data.transaction).toMatchObject({
      status: 'completed',
      payment_reference: 'BRI-20260101-77',
    });
    expect(await balance()).toBe(625_000);

    // a decided withdrawal has nothing left to decide
    await expect.poll(() => row.getByRole('button').count()).toBe(0);

    // the CSV report of today lists the withdrawal, completed
    await navTo(page, id.nav.transactions);
    await page.getByRole('table', { name: id.report.title }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: id.report.exportCsv }).click();
    const file = await download;
    expect(file.url().startsWith(`${origin}/t/sinoman/files/`)).toBe(true);
    const csv = readFileSync((await file.path())!, 'utf8');
    const line = csv.split('\n').find((l) => l.includes(withdrawal.transaction_number));
    expect(line, csv.slice(0, 500)).toBeDefined();
    expect(line).toContain('125000');
    expect(line).toContain('completed');
    await expectCleanPage(tab, 'sinoman-transactions-export');
    await tab.context.close();
  });

  it('a pending member’s KYC document is shown in the drawer and the KYC approved after a question', async () => {
    const sinoman = sinomanClient(app);
    const calon = await sinoman.login('calon@sinoman.demo', 'Calon123!');
    const uploaded = await sinoman.multipart(
      '/members/kyc/documents',
      { document_type: 'ktp', file: await imageBlob(1024, 768) },
      calon.token,
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);

    const tab = await openTab();
    const { page } = tab;
    await signIn(tab, 'sinoman', 'admin@sinoman.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.nav.members);
    const members = page.getByRole('table', { name: id.members.title });
    const row = members.getByRole('row').filter({ hasText: 'calon@sinoman.demo' });
    await row.getByRole('button', { name: new RegExp(id.members.changeStatus) }).click();
    const drawer = page.getByRole('dialog', { name: 'Budi Santoso' });
    const image = drawer.getByRole('img', { name: id.sinoman.kyc.documentAlt('KTP', 'Budi Santoso') });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);
    await expectCleanPage(tab, 'sinoman-kyc-review');

    await drawer.getByRole('button', { name: id.sinoman.kyc.approve }).click();
    const confirm = page.getByRole('dialog', { name: id.sinoman.kyc.approveTitle('Budi Santoso') });
    await confirm.getByLabel(id.common.note).fill('KTP jelas');
    await confirm.getByRole('button', { name: id.sinoman.kyc.approve }).click();
    await page.getByText(id.members.updated).waitFor();
    await row.getByText(id.members.kycStatus.verified!, { exact: true }).waitFor();
    const documents = await sinoman.get('/members/kyc/documents', calon.token);
    expect(documents.body.data).toMatchObject({
      kyc_status: 'verified',
      documents: [{ document_type: 'ktp', verification_status: 'approved', mime_type: 'image/jpeg' }],
    });
    await tab.context.close();
  });

  it('a Fit Challenge batch is created as a draft and opened after a question', async () => {
    const tab = await openTab();
    const { page } = tab;
    const labels = id.sinoman.fitChallenge;
    await signIn(tab, 'sinoman', 'admin@sinoman.demo', TEST_ADMIN_PASSWORD);
    await navTo(page, id.sinoman.nav.fitChallenge);
    const table = page.getByRole('table', { name: labels.title });
    // the demo batch, open, with the programme's figures
    await table.getByText(labels.statuses.open!, { exact: true }).first().waitFor();
    await expectCleanPage(tab, 'sinoman-fit-challenge');

    await page.getByRole('button', { name: labels.newBatch }).click();
    const dialog = page.getByRole('dialog', { name: labels.newBatch });
    await dialog.getByLabel(labels.fields.name).fill('Angkatan Uji');
    // dates picked in the calendars: the registration next month, the programme the month after
    // each calendar is a popover named by its field: the one just picked may still be fading out
    const pick = async (label: string, monthsAhead: number, dayOfMonth: string) => {
      await dialog.getByRole('button', { name: label }).click();
      const calendar = page.getByRole('dialog', { name: label });
      for (let i = 0; i < monthsAhead; i++) await calendar.locator('button[data-direction="next"]').click();
      await calendar
        .locator('table.mantine-DatePickerInput-month button:not([data-outside])')
        .getByText(dayOfMonth, { exact: true })
        .click();
      await calendar.waitFor({ state: 'hidden' });
    };
    await pick(labels.fields.registrationStart, 1, '1');
    await pick(labels.fields.registrationEnd, 1, '20');
    await pick(labels.fields.startDate, 2, '1');
    await pick(labels.fields.endDate, 3, '20');
    await dialog.getByLabel(labels.fields.maxParticipants).fill('40');
    await dialog.getByLabel(new RegExp(labels.fields.programFee)).fill('450000');
    await expectCleanPage(tab, 'sinoman-fit-challenge-new');
    await dialog.getByRole('button', { name: labels.create }).click();
    await page.getByText(labels.created).waitFor();

    const row = table.getByRole('row').filter({ hasText: 'Angkatan Uji' });
    await row.getByText(labels.statuses.draft!, { exact: true }).waitFor();
    await row.getByRole('button', { name: `${labels.open}: Angkatan Uji` }).click();
    const confirm = page.getByRole('dialog', { name: labels.openTitle('Angkatan Uji') });
    await confirm.getByRole('button', { name: labels.open }).click();
    await page.getByText(labels.opened).waitFor();
    await row.getByText(labels.statuses.open!, { exact: true }).waitFor();
    // members now see it
    const listed = await sinomanClient(app).get('/fit-challenge/batches');
    expect(listed.body.data.batches.map((b: { name: string }) => b.name)).toContain('Angkatan Uji');
    await tab.context.close();
  });
});
