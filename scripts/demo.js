#!/usr/bin/env node
// The README's first command: wire carmen into scratch copies of the bundled
// example apps (legacy and new backend system) and show what changed, then
// undo it. Run through `npm run demo`, which builds first.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const project = path.join(__dirname, '..');
const cli = path.join(project, 'dist', 'cli.js');
const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-demo-'));

function step(cwd, title, args) {
  process.stdout.write(`\n$ wire-plugin ${args.join(' ')}    # ${title}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 2);
}

for (const example of ['legacy-app', 'new-app']) {
  const scratch = path.join(scratchRoot, example);
  fs.cpSync(path.join(project, 'examples', example), scratch, { recursive: true });
  process.stdout.write(`\n=== examples/${example}, copied to ${scratch}\n`);
  step(scratch, 'what would change', ['carmen', '--dry-run']);
  step(scratch, 'wire it', ['carmen']);
  step(scratch, 'a second run changes nothing', ['carmen']);
  step(scratch, 'and --check agrees', ['carmen', '--check']);
}
const legacy = path.join(scratchRoot, 'legacy-app');
step(legacy, 'undo it on the legacy app: every file as it was', ['carmen', '--remove']);
const diff = spawnSync('diff', ['-r', path.join(project, 'examples', 'legacy-app'), legacy], { encoding: 'utf8' });
process.stdout.write(diff.status === 0 ? 'diff -r against examples/legacy-app: identical\n' : diff.stdout);
