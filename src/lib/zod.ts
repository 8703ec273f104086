import { z } from 'zod';
import { config } from 'zod/v4/core';

// The built console's Content-Security-Policy forbids eval. zod decides while *constructing* each
// object schema whether to compile its parser with `new Function` (a CSP violation), and bundling
// decides module order, so every schema module takes `z` from here, configured before any schema
// exists. The linter forbids importing zod elsewhere.
config({ jitless: true });

export { z };
