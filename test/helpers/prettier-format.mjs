// Formats texts with the real prettier, in a process of its own (prettier 3 is
// ESM, which jest's CommonJS runtime cannot import). Reads
// [{ text, options }] as JSON on stdin, writes [formatted | { error }] on stdout.
import * as prettier from 'prettier';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const jobs = JSON.parse(input);
const results = [];
for (const { text, options } of jobs) {
  try {
    results.push(await prettier.format(text, { parser: 'typescript', ...options }));
  } catch (error) {
    results.push({ error: String(error.message).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
