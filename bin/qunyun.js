#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm run build produces dist/).
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    console.error('qunyun: not built yet — run `npm run build` (npm install does it for you).');
    process.exit(2);
  }
  throw err;
});
