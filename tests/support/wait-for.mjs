// Waits until a file exists (at most 80 s): the stand-in learning platform's server
// starts once the site's preparation has written its files.
import fs from 'node:fs';

const file = process.argv[2];
const until = Date.now() + 80_000;
while (!fs.existsSync(file)) {
  if (Date.now() > until) {
    console.error(`${file} never appeared`);
    process.exit(1);
  }
  await new Promise((done) => setTimeout(done, 200));
}
