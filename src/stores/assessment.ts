/**
 * The assessment part of the learner model: draft answers and completed
 * attempts. The actions below are its only writers; each calls a pure
 * reducer of src/lib/assessment/assessment.ts (imported as `assessment`).
 * Only the /assessment page loads this.
 */
import * as assessment from '../lib/assessment/assessment';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const ASSESSMENT_KEY = `${STORAGE_KEY}:assessment`;

/** The reader's assessment data; change it only through this module's actions. */
export const $assessment = persistedPart(ASSESSMENT_KEY, assessment.assessmentPart);

/** Keeps one answer of the attempt under way. */
export function answerStatement(id: string, value: number): void {
	$assessment.set(assessment.setDraftAnswer($assessment.get(), id, value));
}

/** Drops the answers of the attempt under way, to start afresh. */
export function startOver(): void {
	$assessment.set(assessment.clearDraft($assessment.get()));
}

/** Saves complete answers as an attempt dated now (clearing the draft) and returns it. */
export function saveAttempt(answers: assessment.Answers): assessment.Attempt {
	const state = assessment.recordAttempt($assessment.get(), answers, new Date());
	$assessment.set(state);
	return state.attempts[state.attempts.length - 1]!;
}

/** Keeps a result opened from a share link (the reader chose to) without touching their draft. */
export function keepSharedAttempt(answers: assessment.Answers): assessment.Attempt {
	const state = assessment.addAttempt($assessment.get(), answers, new Date());
	$assessment.set(state);
	return state.attempts[state.attempts.length - 1]!;
}
