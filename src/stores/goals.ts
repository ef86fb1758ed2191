/**
 * The goals part of the learner model. STUB: the goals feature adds its
 * actions here (exported functions are the only writers of the store).
 */
import { emptyGoals, sanitizeGoals, type GoalsState } from '../lib/goals';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const GOALS_KEY = `${STORAGE_KEY}:goals`;

/** The reader's goals data; change it only through this module's actions. */
export const $goals = persistedPart<GoalsState>(GOALS_KEY, emptyGoals, sanitizeGoals, 'the saved goals');
