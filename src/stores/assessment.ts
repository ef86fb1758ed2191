/**
 * The assessment part of the learner model: draft answers and completed
 * attempts. The actions below are its only writers; each delegates to a pure
 * reducer in src/lib/assessment.ts. Only the /assessment page loads this.
 */
import {
	addAttempt,
	clearDraft,
	emptyAssessment,
	recordAttempt,
	sanitizeAssessment,
	setDraftAnswer,
	type Answers,
	type AssessmentState,
	type Attempt,
} from '../lib/assessment/assessment';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const ASSESSMENT_KEY = `${STORAGE_KEY}:assessment`;

/** The reader's assessment data; change it only through this module's actions. */
export const $assessment = persistedPart<AssessmentState>(ASSESSMENT_KEY, emptyAssessment, sanitizeAssessment, 'the saved assessment');

/** Keeps one answer of the attempt under way. */
export function answerStatement(id: string, value: number): void {
	$assessment.set(setDraftAnswer($assessment.get(), id, value));
}

/** Drops the answers of the attempt under way, to start afresh. */
export function startOver(): void {
	$assessment.set(clearDraft($assessment.get()));
}

/** Saves complete answers as an attempt dated now (clearing the draft) and returns it. */
export function saveAttempt(answers: Answers): Attempt {
	const state = recordAttempt($assessment.get(), answers, new Date());
	$assessment.set(state);
	return state.attempts[state.attempts.length - 1]!;
}

/** Keeps a result opened from a share link (the reader chose to) without touching their draft. */
export function keepSharedAttempt(answers: Answers): Attempt {
	const state = addAttempt($assessment.get(), answers, new Date());
	$assessment.set(state);
	return state.attempts[state.attempts.length - 1]!;
}
