// The `wex` command-line tool (built by the test command before the e2e tests run)
// and the files the e2e tests make with it.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const wex = path.resolve('target/debug/wex');

/** A fresh example placement folder made by `wex new`, in the test's output folder. */
export function newPlacementFolder(name: string): string {
  const folder = test.info().outputPath(name);
  fs.rmSync(folder, { recursive: true, force: true });
  execFileSync(wex, ['new', folder], { stdio: 'ignore' });
  return folder;
}

/** Writes a benchmark's figures to tests/output/benchmarks/, for docs/benchmarks.md. */
export function writeBenchmark(name: string, report: object) {
  fs.mkdirSync('tests/output/benchmarks', { recursive: true });
  fs.writeFileSync(`tests/output/benchmarks/${name}.json`, JSON.stringify(report, null, 2));
}
