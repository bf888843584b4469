#!/usr/bin/env node
// The README's first command: wire carmen into a scratch copy of the bundled
// example legacy app and show what changed. Run through `npm run demo`, which builds first.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const project = path.join(__dirname, '..');
const cli = path.join(project, 'dist', 'src', 'cli.js');
const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-demo-')), 'legacy-app');
fs.cpSync(path.join(project, 'examples', 'legacy-app'), scratch, { recursive: true });

function step(title, args) {
  process.stdout.write(`\n$ wire-plugin ${args.join(' ')}    # ${title}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: scratch, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 2);
}

process.stdout.write(`Scratch copy of examples/legacy-app: ${scratch}\n`);
step('what would change', ['carmen', '--dry-run']);
step('wire it', ['carmen']);
step('a second run changes nothing', ['carmen']);
step('and --check agrees', ['carmen', '--check']);
