// X adapter on the draft-js fixture: the inline composer of /home, and the compose dialog that
// the sidebar "Post" link opens on any other page (/explore).
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['x']);
matrix(env, { network: 'x', variant: 'home-inline', url: 'https://x.com/home', states: ['open'] });
matrix(env, { network: 'x', variant: 'explore-dialog', url: 'https://x.com/explore' });
behaviourCases(env, { network: 'x', url: 'https://x.com/home' });
behaviourCases(env, { network: 'x', url: 'https://x.com/compose/post' });
