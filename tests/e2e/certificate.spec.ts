// A learner completes a placement, gets a certificate that prints on exactly one
// A4 landscape page, downloads the credential, and the "Check a certificate" page
// says it is valid (self-declared); with one byte changed it says not valid, and why.
import { test, expect } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';
import { saveDownload } from '../support/download';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { SHOTS } from '../support/shots';

test('certificate: complete, print on one A4 page, download, verify, tamper', async ({ page }) => {
  test.setTimeout(120_000);
  const learner = new Learner(page);
  await learner.start('Jordan Lee');
  await learner.completeFirstLook();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
  await expect(page.getByText('Self-declared.')).toBeVisible();
  // Hours, honestly stated: the time this learner spent (a quick test run, so a few
  // minutes) beside the placement's planned length.
  await expect(page.getByText(/About \d+ minutes of virtual work experience \(planned: about \d+ minutes\)/)).toBeVisible();
  await checkAccessibility(page, 'certificate');

  // Exactly one A4 landscape page when printed.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  expect(pages).toBe(1);
  // A4 landscape is 297 mm by 210 mm: 842 by 595 points.
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box, 'the PDF states its page size').not.toBeNull();
  expect(Math.round(Number(box![1]))).toBe(842);
  expect(Math.round(Number(box![2]))).toBe(595);
  fs.writeFileSync('tests/output/certificate.pdf', pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', 'tests/output/certificate.pdf', `${SHOTS}/certificate-print`]);

  const file = await saveDownload(page, () => page.getByRole('button', { name: 'Download the credential file' }).click(), 'credential.json');
  const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(credential.type).toContain('OpenBadgeCredential');

  // The QR code's link opens the check page with the certificate in the fragment.
  await expect(page.getByRole('img', { name: /QR code: opens the page that checks this certificate/ })).toBeVisible();
  const link = await page.getByRole('link', { name: 'its check page' }).getAttribute('href');
  expect(link).toMatch(/\/verify#z=[A-Za-z0-9_-]+$/);
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Valid (self-declared)' })).toBeVisible();

  await page.goto('./verify');
  await page.getByLabel('Certificate file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Valid (self-declared)' })).toBeVisible();
  await checkAccessibility(page, 'verify');

  // One changed byte anywhere: not valid, with the reason.
  const text = fs.readFileSync(file, 'utf8');
  const tampered = text.replace('Jordan Lee', 'Jordan Lea');
  await page.getByLabel('Certificate file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  await expect(page.getByRole('heading', { name: 'Not valid' })).toBeVisible();
  await expect(page.getByText(/the signature does not match/).first()).toBeVisible();
  await page.getByLabel('Certificate file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText(/not readable as a credential file/)).toBeVisible();

  // The completion record for a tutor: the scores are worked out again from the log.
  await page.goto('./certificates/first-look');
  const recordFile = await saveDownload(page, () => page.getByRole('button', { name: 'Download your completion record' }).click(), 'record.json');
  await page.goto('./verify');
  await page.getByLabel('Certificate file').setInputFiles(recordFile);
  await expect(page.getByRole('heading', { name: 'Valid (self-declared)' })).toBeVisible();
  await expect(page.getByText(/scoring the attempt log again gives/)).toBeVisible();
  await page.getByLabel('Certificate file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText(/not readable as a credential file/)).toBeVisible();
});

test('every shipped placement\'s certificate prints on one A4 page, with the time spent and the planned length', async ({ browser }) => {
  test.setTimeout(240_000);
  // Each placement done with every right answer (the played-through example), added
  // to a new learner's profile as a progress file, then its certificate printed.
  const index = JSON.parse(fs.readFileSync('tests/output/site/bundles/index.json', 'utf8'));
  const files: string[] = index.bundles.map((p: { file: string }) => p.file).filter((f: string) => !f.startsWith('example-placement'));
  expect(files.length).toBeGreaterThanOrEqual(8);
  for (const file of files) {
    const id = file.replace(/-\d+\.\d+\.\d+\.wex\.json$/, '');
    const progress = test.info().outputPath(`${id}-progress.json`);
    fs.writeFileSync(progress, execFileSync('cargo', ['run', '--quiet', '-p', 'wex-cli', '--example', 'played-through', '--', `tests/output/site/bundles/${file}`, 'Jordan Lee']));
    const { context, page } = await Learner.onNewDevice(browser, 'Jordan Lee');
    await page.getByRole('link', { name: 'Profile and progress' }).click();
    await page.getByLabel('Add progress from a file').setInputFiles(progress);
    // The file comes from another profile, so the learner is asked first.
    await page.getByRole('button', { name: "Yes, add it to Jordan Lee's profile" }).click();
    await expect(page.getByText(/Added \d+ answers and actions/)).toBeVisible();
    await page.goto(`./certificates/${id}`);
    await page.getByRole('button', { name: 'Get my certificate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
    await expect(page.getByText(/of virtual work experience \(planned: about \d/)).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length, `${id} prints on one page`).toBe(1);
    await context.close();
  }
});
