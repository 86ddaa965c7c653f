// X adapter on the draft-js fixture (https://x.com/home).
import { adapterSuite } from './lib/adapter-suite.mjs';

adapterSuite({ network: 'x', url: 'https://x.com/home' });
