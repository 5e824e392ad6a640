// The placement library, both paths: a site owner copies a packed file into the
// served bundles folder and re-indexes (no rebuild); a learner adds a packed file
// they were sent, which is checked, labelled by who signed it, stored on the device
// and playable offline; version 2 replaces version 1 with progress carried over;
// tampered, foreign, too-new and too-large files are refused with the reason.
import { test, expect, type Page } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';
import { waitForServiceWorker } from '../support/offline';
import { newPlacementFolder, wex, writeBenchmark } from '../support/wex';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { shot } from '../support/shots';

// A site may have no list of trusted publishers: the browser notes the 404 for it.
test.use({ allowedConsoleErrors: [/status of 404 .*\/bundles\/publishers\.json\)$/] });

test.use({ actionTimeout: 20_000 });

const site = path.resolve('tests/output/site/bundles');

/** A placement folder made by `wex new`, with its id, title and version changed. */
function makeFolder(name: string, id: string, title: string, version: string, renameStep = false): string {
  const folder = newPlacementFolder(name);
  const manifest = path.join(folder, 'bundle.toml');
  let toml = fs.readFileSync(manifest, 'utf8');
  toml = toml.replace(/^id = ".*"$/m, `id = "${id}"`).replace(/^version = ".*"$/m, `version = "${version}"`).replace(/^title = ".*"$/m, `title = "${title}"`);
  fs.writeFileSync(manifest, toml);
  if (renameStep) {
    const module = path.join(folder, 'modules', 'a-patient-arrives.md');
    fs.writeFileSync(module, fs.readFileSync(module, 'utf8').replace('{#meet-mrs-evans}', '{#meet-mrs-evans-at-the-surgery}'));
  }
  return folder;
}

function pack(folder: string, out: string, key?: string): string {
  const file = test.info().outputPath(out);
  execFileSync(wex, ['pack', folder, '-o', file], { stdio: 'ignore' });
  if (key) execFileSync(wex, ['sign', file, '--key', key], { stdio: 'ignore' });
  return file;
}

function keygen(name: string): { file: string; did: string } {
  const file = test.info().outputPath(name);
  fs.rmSync(file, { force: true });
  execFileSync(wex, ['keygen', '-o', file], { stdio: 'ignore' });
  return { file, did: JSON.parse(fs.readFileSync(file, 'utf8')).did };
}

async function addFile(page: Page, file: string) {
  await page.goto('./add-placement');
  await page.getByLabel('Placement file').setInputFiles(file);
}

test('a site owner adds a placement by copying a file and re-indexing, with no rebuild', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Priya');
  await waitForServiceWorker(page);
  await expect(page.getByRole('link', { name: 'Site owner test placement' })).toHaveCount(0);
  const copied = path.join(site, 'site-owner-test-1.0.0.wex.json');
  try {
    fs.copyFileSync(pack(makeFolder('owner', 'site-owner-test', 'Site owner test placement', '1.0.0'), 'owner.wex.json'), copied);
    execFileSync(wex, ['index', site], { stdio: 'ignore' });
    await page.reload();
    await learner.openPlacement('Site owner test placement');
  } finally {
    fs.rmSync(copied, { force: true });
    execFileSync(wex, ['index', site], { stdio: 'ignore' });
  }
});

test('a placement added from a file: labelled, offline, updated, and bad files refused', async ({ page, context }) => {
  test.setTimeout(180_000);
  const trusted = keygen('trusted.key');
  const stranger = keygen('stranger.key');
  const publishers = path.join(site, 'publishers.json');
  fs.writeFileSync(publishers, JSON.stringify({ wex: 'publishers', format: 1, publishers: [{ name: 'Northfield NHS Trust (test)', key: trusted.did }] }));
  try {
    const v1 = pack(makeFolder('v1', 'trust-induction', 'Trust induction', '1.0.0'), 'v1.wex.json', trusted.file);
    const v2 = pack(makeFolder('v2', 'trust-induction', 'Trust induction', '2.0.0', true), 'v2.wex.json', trusted.file);
    const strangers = pack(makeFolder('other', 'stranger-placement', 'A placement from a stranger', '1.0.0'), 'other.wex.json', stranger.file);
    const unsigned = pack(makeFolder('unsigned', 'unsigned-placement', 'An unsigned placement', '1.0.0'), 'unsigned.wex.json');

    const learner = new Learner(page);
    await learner.start('Tom');
    await waitForServiceWorker(page);
    await page.getByRole('link', { name: 'Add a placement from a file' }).click();
    await learner.heading('Add a placement');
    await checkAccessibility(page, 'add a placement');

    // Bad files first: each refused with its reason, and nothing is added.
    const text = fs.readFileSync(v1, 'utf8');
    const changed = pack(makeFolder('forged', 'trust-induction', 'Trust induction (changed)', '1.0.0'), 'changed.wex.json');
    // A hand-made file with a correct hash whose first page nests `levels` quotes.
    const nested = (levels: number) => {
      const packed = fs.readFileSync(unsigned, 'utf8');
      const at = packed.indexOf('"bundle":') + '"bundle":'.length;
      const body = packed.slice(at, packed.lastIndexOf('}'));
      expect(body).toContain('"before":[{');
      const deep = body.replace('"before":[{', `"before":[${'{"q":['.repeat(levels)}"hr"${']}'.repeat(levels)},{`);
      const hash = crypto.createHash('sha256').update(deep).digest('hex');
      return `{"wex":"bundle","format":1,"sha256":"${hash}","bundle":${deep}}`;
    };
    // No two files in a row share a message, so each alert is the new file's own.
    const bad: [string, string | Buffer, RegExp][] = [
      ['nested.wex.json', nested(30), /nests its content more than 20 levels deep \(in "[^"]+"\)/],
      ['notes.txt', 'Here is the placement you asked for.', /This is not a Wex placement file/],
      ['tampered.wex.json', text.replace('"title":"Trust induction"', '"title":"Trust inductiom"'), /changed or damaged since it was packed/],
      ['truncated.wex.json', text.slice(0, text.length / 2), /This is not a Wex placement file/],
      ['newer.wex.json', text.replace('"format":1', '"format":9'), /needs a newer version of Wex/],
      ['very-nested.wex.json', nested(100_000), /nests its content more than 20 levels deep, which Wex does not open/],
      ['forged.wex.json', forge(text, fs.readFileSync(changed, 'utf8')), /publisher signature is not valid/],
      ['huge.wex.json', Buffer.alloc(200 * 1024 * 1024, 32), /This file is 209\.7 MB\. A placement file can be at most 33\.6 MB/],
      // Wex never unpacks archives: a gzip "bomb" (256 MB of zeros in 250 KB) is just not a placement.
      ['bomb.wex.json.gz', zlib.gzipSync(Buffer.alloc(256 * 1024 * 1024)), /This is not a Wex placement file/],
    ];
    for (const [name, body, message] of bad) {
      const file = test.info().outputPath(name);
      fs.writeFileSync(file, body);
      await page.getByLabel('Placement file').setInputFiles(file);
      await expect(page.getByRole('alert')).toContainText(message);
    }
    await checkAccessibility(page, 'add a placement (refused)');
    await page.goto('./');
    await expect(page.getByRole('link', { name: 'Trust induction' })).toHaveCount(0);

    // A trusted publisher's file: labelled, added, and shown as added on this device.
    await addFile(page, v1);
    await expect(page.getByText('Signed by Northfield NHS Trust (test)')).toBeVisible();
    await expect(page.getByText('A new placement on this device.')).toBeVisible();
    await page.getByRole('button', { name: 'Add this placement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added “Trust induction” (version 1.0.0).' })).toBeVisible();
    await shot(page, 'add-placement');
    await page.goto('./');
    await expect(page.getByRole('listitem').filter({ hasText: 'Trust induction' })).toContainText('Added on this device');

    // It plays offline, after a reload.
    await context.setOffline(true);
    await page.reload();
    await learner.openPlacement('Trust induction');
    await expect(page.getByText('Added on this device from a file. Signed by Northfield NHS Trust (test).')).toBeVisible();
    await page.goto('./placements/trust-induction/the-practice/who-is-who');
    await learner.heading(/Who is who/);
    await learner.next();
    await page.goto('./placements/trust-induction/a-patient-arrives/meet-mrs-evans');
    // The module has a content warning: it asks first.
    await page.getByRole('button', { name: 'Continue' }).click();
    await learner.saved(() => page.getByRole('button', { name: /Show: What she tells the GP/ }).click());
    await context.setOffline(false);

    // Version 2 replaces it: progress carries over; the answer on a step that
    // version 2 renamed is kept and counted.
    await addFile(page, v2);
    await expect(page.getByText('A newer version: it replaces version 1.0.0.')).toBeVisible();
    await page.getByRole('button', { name: 'Add this placement' }).click();
    await expect(page.getByText('Your progress carries over. 1 of your answers is for a step that is not in this version')).toBeVisible();
    await page.goto('./placements/trust-induction');
    await expect(page.getByRole('link', { name: 'The practice' })).toHaveAccessibleDescription(/In progress/);
    // Going back to version 1 needs a confirmation, with the reason.
    await addFile(page, v1);
    await expect(page.getByText('older than version 2.0.0, which you have now')).toBeVisible();
    await page.getByRole('button', { name: 'Add this placement' }).click();
    await expect(page.getByRole('alert')).toContainText('Confirm that you want to add this placement');

    // A key the site does not list, and no signature at all: labelled, and confirmed.
    await addFile(page, strangers);
    await expect(page.getByText(/Signed, publisher key not on this site's list \(key [0-9a-f ]{19}\)/)).toBeVisible();
    await checkAccessibility(page, 'add a placement (untrusted)');
    await page.getByLabel('I understand, add it anyway').check();
    await page.getByRole('button', { name: 'Add this placement' }).click();
    await expect(page.getByText('Added “A placement from a stranger” (version 1.0.0).')).toBeVisible();
    await addFile(page, unsigned);
    await expect(page.getByText('Not signed', { exact: true })).toBeVisible();
    await expect(page.getByText(/It is not signed, so nothing shows it comes from/)).toBeVisible();

    // Removing keeps the learner's progress; adding it again brings it back.
    await page.goto('./placements/trust-induction');
    await page.getByRole('button', { name: 'Remove this placement from this device' }).click();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await learner.heading('Virtual work experience');
    await expect(page.getByRole('link', { name: 'Trust induction' })).toHaveCount(0);
    await addFile(page, v2);
    await page.getByRole('button', { name: 'Add this placement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added “Trust induction” (version 2.0.0).' })).toBeVisible();
    await page.goto('./placements/trust-induction');
    await expect(page.getByRole('link', { name: 'The practice' })).toHaveAccessibleDescription(/In progress/);
  } finally {
    fs.rmSync(publishers, { force: true });
  }
});

/** Another placement's file carrying this file's signature: the content it signs differs. */
function forge(signed: string, other: string): string {
  const signature = JSON.parse(signed).signature;
  return other.replace('"format":1,', `"format":1,"signature":${JSON.stringify(signature)},`);
}

test.describe('a missing placement file', () => {
  test.use({ allowedConsoleErrors: [/status of 404 .*\/bundles\/(publishers\.json|ghost-placement-1\.0\.0\.wex\.json)\)$/] });

  test('an index that lists a missing file: the rest of the catalogue still loads', async ({ page }) => {
    const index = path.join(site, 'index.json');
    const original = fs.readFileSync(index, 'utf8');
    try {
      const parsed = JSON.parse(original);
      const ghost = structuredClone(parsed.bundles[0]);
      ghost.file = 'ghost-placement-1.0.0.wex.json';
      ghost.listing.id = 'ghost-placement';
      ghost.listing.title = 'A placement whose file is missing';
      parsed.bundles.push(ghost);
      fs.writeFileSync(index, JSON.stringify(parsed));
      const learner = new Learner(page);
      await learner.start('Ola');
      await expect(page.getByRole('link', { name: 'From GP to diagnosis' })).toBeVisible();
      await page.getByRole('link', { name: 'A placement whose file is missing' }).click();
      await expect(page.getByText(/The placement “A placement whose file is missing” could not be loaded \(the site answered 404/)).toBeVisible();
      await page.goto('./');
      await learner.openPlacement('From GP to diagnosis');
    } finally {
      fs.writeFileSync(index, original);
    }
  });
});

test('report: adding a 5 MB placement file (check + store)', async ({ page }) => {
  const folder = makeFolder('five-mb', 'five-megabytes', 'A placement with a long recording', '1.0.0');
  // A 3.7 MB recording makes a packed file of about 5 MB (media is base64 inside).
  fs.writeFileSync(path.join(folder, 'media', 'huddle.mp3'), crypto.randomBytes(3_750_000));
  const file = pack(folder, 'five-mb.wex.json');
  const megabytes = fs.statSync(file).size / 1_000_000;
  expect(megabytes).toBeGreaterThan(4.9);
  const learner = new Learner(page);
  await learner.start('Bo');
  await addFile(page, file);
  await page.getByLabel('I understand, add it anyway').check();
  await page.getByRole('button', { name: 'Add this placement' }).click();
  await expect(page.getByText('Added “A placement with a long recording” (version 1.0.0).')).toBeVisible();
  const [check, store] = await page.evaluate(() => ['wex-add-check', 'wex-add-store'].map((n) => performance.getEntriesByName(n).at(-1)!.duration));
  const report = { megabytes: Number(megabytes.toFixed(2)), checkMs: Math.round(check), storeMs: Math.round(store), totalMs: Math.round(check + store) };
  writeBenchmark('add-placement', report);
  console.log(`Adding a ${report.megabytes} MB placement: check ${report.checkMs} ms + store ${report.storeMs} ms`);
});
