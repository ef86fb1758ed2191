/**
 * What the assessment part holds, in a line for the "Your data" page:
 * phrases of src/i18n/en.json (`data.resultsCount.*`, `data.answersCount.*`)
 * that the page words and joins.
 */
import { counted, type Phrase } from '../learner/phrase';
import { latestAttempts, type AssessmentState } from './assessment';

/** How many results (and the day of the latest) and how many answers in progress; nothing when the part is empty. */
export function summarizeAssessment(state: AssessmentState): Phrase[] {
	const phrases: Phrase[] = [];
	const latest = latestAttempts(state)[0];
	if (latest) phrases.push(counted('data.resultsCount', state.attempts.length, { date: latest.takenAt.slice(0, 10) }));
	const answered = Object.keys(state.draft).length;
	if (answered) phrases.push(counted('data.answersCount', answered));
	return phrases;
}
