// Runs the walk-through against a running sample: `npm run sample:client`
// (BASE_URL defaults to http://localhost:3000).
import { walkThrough } from './shop-client.js';

await walkThrough({
  baseUrl: process.env.BASE_URL ?? 'http://localhost:3000',
  log: (line) => console.log(line),
});
