// Facebook adapter on the Lexical rich-text fixture: the "Create post" dialog, closed (the
// adapter clicks "What's on your mind?") and open.
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['facebook']);
matrix(env, { network: 'facebook', variant: 'create-post-dialog', url: 'https://www.facebook.com/' });
behaviourCases(env, { network: 'facebook', url: 'https://www.facebook.com/' });
