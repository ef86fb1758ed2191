/**
 * The assessment part of the learner model. STUB: the assessment feature adds its
 * actions here (exported functions are the only writers of the store).
 */
import { emptyAssessment, sanitizeAssessment, type AssessmentState } from '../lib/assessment';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const ASSESSMENT_KEY = `${STORAGE_KEY}:assessment`;

/** The reader's assessment data; change it only through this module's actions. */
export const $assessment = persistedPart<AssessmentState>(ASSESSMENT_KEY, emptyAssessment, sanitizeAssessment, 'the saved assessment');
