/**
 * The network part of the learner model. STUB: the network feature adds its
 * actions here (exported functions are the only writers of the store).
 */
import { emptyNetwork, sanitizeNetwork, type NetworkState } from '../lib/network';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const NETWORK_KEY = `${STORAGE_KEY}:network`;

/** The reader's network data; change it only through this module's actions. */
export const $network = persistedPart<NetworkState>(NETWORK_KEY, emptyNetwork, sanitizeNetwork, 'the saved network');
