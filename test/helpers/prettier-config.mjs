// Resolves prettier configs with the real prettier, in a process of its own.
// Reads a JSON array of file paths on stdin; writes [config | null | { error }].
import * as prettier from 'prettier';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const file of JSON.parse(input)) {
  try {
    results.push(await prettier.resolveConfig(file, { editorconfig: true }));
  } catch (error) {
    results.push({ error: String(error.message).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
