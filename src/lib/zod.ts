import { z } from 'zod/mini';

// zod/mini rather than classic zod: classic gives every schema instance its own copy of every method
// while the contract's modules load, which slows the console's start, and weighs twice as much.
//
// The built console's Content-Security-Policy forbids eval. zod decides while *constructing* each
// object schema whether to compile its parser with `new Function` (a CSP violation), and bundling
// decides module order, so every schema module takes `z` from here, configured before any schema
// exists. The linter forbids importing zod elsewhere.
//
// zod/mini has no messages of its own ("Invalid input" for every issue): the English locale gives
// the API's INVALID_REQUEST answers and the forms readable words.
z.config({ jitless: true, ...z.locales.en() });

export { z };
