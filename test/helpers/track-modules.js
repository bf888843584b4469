// Preloaded with `node -r`: writes the packages a run loaded to the file named by TRACK_MODULES_OUT.
const Module = require('module');
const fs = require('fs');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  loaded.add(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => fs.writeFileSync(process.env.TRACK_MODULES_OUT, JSON.stringify([...loaded])));
